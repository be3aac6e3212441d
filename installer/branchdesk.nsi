; BranchDesk installer: per-user, no admin rights. Built by installer/build.sh (Linux) or
; installer\build.ps1 (Windows) with `makensis -DBUNDLE=<onedir bundle> -DVERSION=<x.y.z>`.
Unicode true
!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"

!ifndef BUNDLE
  !define BUNDLE "..\dist\BranchDesk"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "BranchDesk-${VERSION}-setup.exe"
!endif

!define APP "BranchDesk"
!define APP_ZH "网点服务台"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PACK_PROGID "BranchDesk.GuidePack"
; Start with Windows: the same value BranchDesk's settings turn on and off (autostart.py).
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
; Where Task Manager's Startup tab switches a Run value off (branchdesk/autostart.py).
!define APPROVED_KEY "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"

Name "${APP} ${APP_ZH}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
!ifdef CHECK_ONLY
  SetCompress off  ; CI only checks that the script compiles with the bundle as payload
!else
  SetCompressor /SOLID lzma
!endif
BrandingText "${APP} ${VERSION}"
!define MUI_ICON "..\resources\icons\branchdesk.ico"
!define MUI_UNICON "..\resources\icons\branchdesk.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var RemoveData
Var RemoveDataBox

Section "BranchDesk" SecApp
  SectionIn RO
  SetShellVarContext current
  ; An update while BranchDesk runs (perhaps only in the tray) cannot replace its files.
  ${If} ${FileExists} "$INSTDIR\${APP}.exe"
    retry_running:
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP}.exe" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "网点服务台还在运行（可能只在屏幕右下角的托盘里）。请右键托盘图标选“退出网点服务台”，然后点“重试”。" IDRETRY retry_running
      Abort "网点服务台还在运行，没有安装。"
    ${EndIf}
    FileClose $0
  ${EndIf}
  ; A Startup shortcut made by an earlier build of this installer: the Run value replaces it.
  Delete "$SMSTARTUP\${APP} ${APP_ZH}.lnk"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP} ${APP_ZH}.lnk" "$INSTDIR\${APP}.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\卸载 ${APP}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP} ${APP_ZH}.lnk" "$INSTDIR\${APP}.exe"

  ; Guide packs (.zip) get "Open with BranchDesk"; the default program for .zip is left alone.
  WriteRegStr HKCU "Software\Classes\${PACK_PROGID}" "" "BranchDesk 操作指南包"
  WriteRegStr HKCU "Software\Classes\${PACK_PROGID}\DefaultIcon" "" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "Software\Classes\${PACK_PROGID}\shell\open\command" "" '"$INSTDIR\${APP}.exe" --open "%1"'
  WriteRegStr HKCU "Software\Classes\.zip\OpenWithProgids" "${PACK_PROGID}" ""

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP} ${APP_ZH}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "BranchDesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

; Started with Windows, hidden in the tray: the data is open and reminders run before anyone
; sits down, and opening BranchDesk later shows its window at once.
Section "开机时启动（在托盘中待命）" SecStartup
  SetShellVarContext current
  ; An update keeps the command 本机 wrote for this copy: it may name the data dir
  ; (--data-dir), which the plain command would drop. This version quotes the executable;
  ; earlier ones quoted it only when its path held a space.
  ReadRegStr $0 HKCU "${RUN_KEY}" "BranchDesk"
  StrCpy $1 '"$INSTDIR\${APP}.exe"'
  StrLen $2 $1
  StrCpy $3 $0 $2
  StrCpy $4 '$INSTDIR\${APP}.exe '
  StrLen $5 $4
  StrCpy $6 $0 $5
  ${If} $3 != $1
  ${AndIf} $6 != $4
    WriteRegStr HKCU "${RUN_KEY}" "BranchDesk" '$1 --tray'
    ; A new value starts switched on: a switch-off left by Task Manager for an earlier
    ; install would otherwise keep it from running.
    DeleteRegValue HKCU "${APPROVED_KEY}" "BranchDesk"
  ${EndIf}
SectionEnd

; Unticked: no start with Windows is left behind.
Section "-StartupOff"
  ${IfNot} ${SectionIsSelected} ${SecStartup}
    DeleteRegValue HKCU "${RUN_KEY}" "BranchDesk"
    DeleteRegValue HKCU "${APPROVED_KEY}" "BranchDesk"
  ${EndIf}
SectionEnd

; An update keeps what the user chose: 开机时启动 is ticked on a first install, and on an
; update only where it is on now (settings › 本机 may have turned it off).
Function .onInit
  ReadRegStr $0 HKCU "${RUN_KEY}" "BranchDesk"
  ReadRegStr $1 HKCU "Software\${APP}" "InstallDir"
  ${If} $0 == ""
  ${AndIf} $1 != ""
    !insertmacro UnselectSection ${SecStartup}
  ${EndIf}
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "网点服务台程序、开始菜单和桌面快捷方式、操作指南包的打开方式。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartup} "登录 Windows 时在后台打开网点数据，托盘图标提醒到期投诉；之后打开网点服务台时窗口立即出现。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; The uninstaller keeps the branch's data (database, backups, settings) unless asked.
Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "保留数据？" "网点的数据库、备份和设置在 $LOCALAPPDATA\${APP}"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 36u "卸载只删除程序本身。网点的数据（数据库、每日备份、设置）默认保留，重新安装后可以继续使用。"
  Pop $0
  ${NSD_CreateCheckbox} 0 44u 100% 12u "同时删除数据（不可恢复）"
  Pop $RemoveDataBox
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $RemoveData
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  ; A running BranchDesk (perhaps only in the tray) holds its files: ask for it to be ended.
  retry_running:
  ClearErrors
  Delete "$INSTDIR\BranchDesk.exe"
  ${If} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\BranchDesk.exe"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "网点服务台还在运行（可能只在屏幕右下角的托盘里）。请右键托盘图标选“退出网点服务台”，然后点“重试”。" IDRETRY retry_running
    Abort "网点服务台还在运行，没有卸载。"
  ${EndIf}
  DeleteRegValue HKCU "${RUN_KEY}" "BranchDesk"
  DeleteRegValue HKCU "${APPROVED_KEY}" "BranchDesk"
  Delete "$SMSTARTUP\${APP} ${APP_ZH}.lnk"
  Delete "$SMPROGRAMS\${APP}\*.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP} ${APP_ZH}.lnk"
  DeleteRegKey HKCU "Software\Classes\${PACK_PROGID}"
  DeleteRegValue HKCU "Software\Classes\.zip\OpenWithProgids" "${PACK_PROGID}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  ; Only what the installer put there: the folder may have been typed by hand (D:\, the
  ; desktop), and the branch's data lives elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\BranchDesk.exe"
  Delete "$INSTDIR\branchdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ${If} $RemoveData == ${BST_CHECKED}
    RMDir /r "$LOCALAPPDATA\${APP}"
  ${EndIf}
SectionEnd
