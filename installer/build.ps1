# Build the Windows bundle and the per-user installer (run from a PowerShell prompt):
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
# Needs Python 3.11+ and NSIS 3 (makensis on PATH, e.g. `choco install nsis`).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q -e ".[bundle]"
$version = (.venv\Scripts\python -c "import branchdesk; print(branchdesk.__version__)").Trim()
.venv\Scripts\pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller installer\branchdesk.spec
Push-Location installer
makensis -V2 "-DBUNDLE=..\dist\BranchDesk" "-DVERSION=$version" "-DOUTFILE=..\dist\BranchDesk-$version-setup.exe" branchdesk.nsi
Pop-Location
Write-Host "installer: dist\BranchDesk-$version-setup.exe"
