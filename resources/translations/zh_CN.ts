<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BranchDesk</name>
    <message>
        <source>File not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>No match for “{query}”.</source>
        <translation>没有找到与“{query}”匹配的结果。</translation>
    </message>
    <message>
        <source>Did you mean: {names}</source>
        <translation>您是不是要找：{names}</translation>
    </message>
    <message>
        <source>Note: couriers tie — check the address.</source>
        <translation>注意：多位业务员匹配程度相同——请核对地址。</translation>
    </message>
    <message>
        <source>Route: {hub} {code}</source>
        <translation>路由：{hub} {code}</translation>
    </message>
    <message>
        <source>Expected: {days} day(s)</source>
        <translation>预计时效：{days} 天</translation>
    </message>
    <message>
        <source>Give a query, or --batch FILE.</source>
        <translation>请输入查询内容，或使用 --batch 文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not a text file in UTF-8 or GBK.</source>
        <translation>{path} 不是 UTF-8 或 GBK 编码的文本文件。</translation>
    </message>
    <message>
        <source>Wrote {count} row(s) to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
    <message>
        <source>Undo changes data: add --yes to confirm.</source>
        <translation>撤销会修改数据：请加上 --yes 确认。</translation>
    </message>
    <message>
        <source>Undo import {id}? [y/N] </source>
        <translation>撤销导入记录 {id}？[y/N] </translation>
    </message>
    <message>
        <source>Undone: import {id} ({file}).</source>
        <translation>已撤销导入记录 {id}（{file}）。</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {error}</source>
        <translation>无法打开数据库 {path}：{error}</translation>
    </message>
    <message>
        <source>The database {path} is damaged or not a BranchDesk database: {error}</source>
        <translation>数据库 {path} 已损坏，或不是网点服务台的数据库：{error}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer BranchDesk (schema {revision}). Install the newer BranchDesk to open it; this version will not touch it.</source>
        <translation>数据库 {path} 由更新版本的网点服务台写入（数据结构版本 {revision}）。请安装新版网点服务台后再打开；当前版本不会改动该数据库。</translation>
    </message>
    <message>
        <source>Import {id} does not exist.</source>
        <translation>导入记录 {id} 不存在。</translation>
    </message>
    <message>
        <source>Import {id} has already been undone.</source>
        <translation>导入记录 {id} 已被撤销。</translation>
    </message>
    <message>
        <source>Unknown import kind '{name}'. Choose one of: {kinds}</source>
        <translation>未知的导入类型“{name}”。请从以下类型中选择：{kinds}</translation>
    </message>
    <message>
        <source>{file}: {count} problem(s) found, nothing was imported. Correct the file and import again, or choose to skip the invalid rows.</source>
        <translation>{file}：发现 {count} 处问题，未导入任何数据。请修改文件后重新导入，或选择跳过无效行。</translation>
    </message>
    <message>
        <source>… and {more} more</source>
        <translation>……另有 {more} 条</translation>
    </message>
    <message>
        <source>{file}: {ok} valid row(s), {bad} invalid; nothing written (dry run).</source>
        <translation>{file}：有效 {ok} 行，无效 {bad} 行；试运行，未写入任何数据。</translation>
    </message>
    <message>
        <source>{file}: imported {ok} row(s), skipped {bad} invalid row(s).</source>
        <translation>{file}：已导入 {ok} 行，跳过无效行 {bad} 行。</translation>
    </message>
    <message>
        <source>{file}: no valid rows to import.</source>
        <translation>{file}：没有可导入的有效行。</translation>
    </message>
    <message>
        <source>{file} contains no sheets. Open it in Excel, check it, and save it again.</source>
        <translation>{file} 中没有工作表。请用 Excel 打开检查后重新保存。</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”. Its sheets are: {names}.</source>
        <translation>{file} 中没有名为“{sheet}”的工作表。现有工作表：{names}。</translation>
    </message>
    <message>
        <source>{file} is not a file BranchDesk can read. Save it from Excel as .xlsx (or .xls, .ods, .csv) and choose that file.</source>
        <translation>{file} 不是网点服务台能读取的文件。请在 Excel 中另存为 .xlsx（或 .xls、.ods、.csv），再选择该文件。</translation>
    </message>
    <message>
        <source>{file} cannot be found. Check that it has not been moved or renamed.</source>
        <translation>找不到 {file}。请检查文件是否已被移动或改名。</translation>
    </message>
    <message>
        <source>{file} cannot be read: it is damaged or not really a {kind} file. Open it in Excel or WPS, save it again as .xlsx, and choose the saved file.</source>
        <translation>无法读取 {file}：文件已损坏，或并不是真正的 {kind} 文件。请用 Excel 或 WPS 打开，重新另存为 .xlsx，然后选择另存后的文件。</translation>
    </message>
    <message>
        <source>{file} cannot be opened: it is open in another program or you may not read it. Close it in Excel and try again.</source>
        <translation>无法打开 {file}：文件正被其他程序占用，或您没有读取权限。请在 Excel 中关闭该文件后重试。</translation>
    </message>
    <message>
        <source>{file} is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook), save it, and try again.</source>
        <translation>{file} 设有密码保护。请用 Excel 打开并取消密码（文件 → 信息 → 保护工作簿），保存后重试。</translation>
    </message>
    <message>
        <source>{file} is a web page saved with a spreadsheet name, as some HQ systems export it. Open it in Excel, save it as .xlsx, and choose the saved file.</source>
        <translation>{file} 实际上是网页文件（部分总部系统导出时会这样命名）。请用 Excel 打开，另存为 .xlsx，然后选择另存后的文件。</translation>
    </message>
    <message>
        <source>{file} is not a text file in a known encoding (UTF-8, GBK or GB18030). Open it in Excel and save it as .xlsx or as “CSV UTF-8”.</source>
        <translation>{file} 不是可识别编码（UTF-8、GBK 或 GB18030）的文本文件。请用 Excel 打开，另存为 .xlsx 或“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>{file} is not a text file (it contains binary data). If it is an Excel file, give it the .xlsx extension; otherwise export the table again as CSV.</source>
        <translation>{file} 不是文本文件（含有二进制数据）。如果它是 Excel 文件，请把扩展名改为 .xlsx；否则请重新导出为 CSV。</translation>
    </message>
    <message>
        <source>{file} cannot be read as a table: {reason}. Open it in Excel, save it as .xlsx, and choose the saved file.</source>
        <translation>{file} 无法按表格读取：{reason}。请用 Excel 打开，另存为 .xlsx，然后选择另存后的文件。</translation>
    </message>
    <message>
        <source>the number was rounded by Excel (shown as {shown}); format the column as Text in Excel and export again</source>
        <translation>该数字已被 Excel 四舍五入（显示为 {shown}）；请在 Excel 中把该列设置为“文本”格式后重新导出</translation>
    </message>
    <message>
        <source>a value is required here</source>
        <translation>此处不能为空</translation>
    </message>
    <message>
        <source>a number without decimals is expected here</source>
        <translation>此处应为不带小数的数字</translation>
    </message>
    <message>
        <source>a number is expected here (digits and letters only)</source>
        <translation>此处应为号码（只能包含数字和字母）</translation>
    </message>
    <message>
        <source>a phone number is expected (digits only, e.g. 13805741234 or 0574-87654321)</source>
        <translation>此处应为电话号码（只能是数字，例如 13805741234 或 0574-87654321）</translation>
    </message>
    <message>
        <source>a waybill number is expected (digits and letters only, e.g. YT1234567890123)</source>
        <translation>此处应为运单号（只能包含数字和字母，例如 YT1234567890123）</translation>
    </message>
    <message>
        <source>a whole number is expected here, e.g. 12</source>
        <translation>此处应为整数，例如 12</translation>
    </message>
    <message>
        <source>a date is expected here, e.g. 2026-11-22</source>
        <translation>此处应为日期，例如 2026-11-22</translation>
    </message>
    <message>
        <source>a time of day is expected here, e.g. 18:30</source>
        <translation>此处应为时间，例如 18:30</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表“{sheet}”</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>{column} 列</translation>
    </message>
    <message>
        <source>{place}: {message}</source>
        <translation>{place}：{message}</translation>
    </message>
    <message>
        <source>'{value}' — {message}</source>
        <translation>“{value}”——{message}</translation>
    </message>
    <message>
        <source>{place}: '{value}' — {message}</source>
        <translation>{place}：“{value}”——{message}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}</source>
        <translation>{file}，工作表“{sheet}”</translation>
    </message>
    <message>
        <source>The sheet is empty. Choose the sheet that holds the table.</source>
        <translation>工作表是空的。请选择存放表格的工作表。</translation>
    </message>
    <message>
        <source>No column found for: {columns}.</source>
        <translation>找不到以下列：{columns}。</translation>
    </message>
    <message>
        <source>“{label}” is read from a column headed: {names}</source>
        <translation>“{label}”可使用的列标题：{names}</translation>
    </message>
    <message>
        <source>The header row found (row {row}) has: {headers}.</source>
        <translation>找到的标题行（第 {row} 行）包含：{headers}。</translation>
    </message>
    <message>
        <source>The first row has: {headers}.</source>
        <translation>第一行包含：{headers}。</translation>
    </message>
    <message>
        <source>Rename the column header in the file to one of these names, or choose the column by hand.</source>
        <translation>请把文件中的列标题改为上述名称之一，或手动指定对应的列。</translation>
    </message>
    <message>
        <source>This courier no longer exists.</source>
        <translation>该业务员已不存在。</translation>
    </message>
    <message>
        <source>The courier's name cannot be empty.</source>
        <translation>业务员姓名不能为空。</translation>
    </message>
    <message>
        <source>The courier's name is at most 40 characters.</source>
        <translation>业务员姓名最多 40 个字。</translation>
    </message>
    <message>
        <source>The phone number takes digits only, e.g. 13812345678.</source>
        <translation>电话号码只能填写数字，例如 13812345678。</translation>
    </message>
    <message>
        <source>tie between couriers — check</source>
        <translation>多位业务员并列——请核对</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>a waybill number is required</source>
        <translation>运单号不能为空</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Town / street</source>
        <translation>街道/乡镇</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>House-number range</source>
        <translation>门牌范围</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Segment code</source>
        <translation>三段码</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>at least one area name (community, road or building)</source>
        <translation>至少需要一个片区名称（小区、道路或楼栋）</translation>
    </message>
    <message>
        <source>Delivery areas</source>
        <translation>派件区域</translation>
    </message>
    <message>
        <source>a province name such as 浙江 or 浙江省</source>
        <translation>此处应为省份名称，例如 浙江 或 浙江省</translation>
    </message>
    <message>
        <source>a number of days such as 2 or a range such as 1-2</source>
        <translation>此处应为天数（如 2）或天数范围（如 1-2）</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Route code</source>
        <translation>路由编码</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>分拨中心</translation>
    </message>
    <message>
        <source>Transit centre</source>
        <translation>中转中心</translation>
    </message>
    <message>
        <source>Cut-off time</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Days (standard)</source>
        <translation>标准时效（天）</translation>
    </message>
    <message>
        <source>Days (express)</source>
        <translation>特快时效（天）</translation>
    </message>
    <message>
        <source>Arrival times</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Waybill no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>the same waybill number already appears in row {row}</source>
        <translation>相同的运单号已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>Waybills</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>"{fragment}": the brackets do not match; close every "（" with "）", e.g. 春江花月（晓风苑、江树苑）</source>
        <translation>“{fragment}”：括号不配对；每个“（”都要有“）”闭合，例如 春江花月（晓风苑、江树苑）</translation>
    </message>
    <message>
        <source>"{fragment}": the range starts at {lo}, after its end {hi}; write the smaller number first, e.g. 1-99号</source>
        <translation>“{fragment}”：范围起点 {lo} 大于终点 {hi}；请先写小的号，例如 1-99号</translation>
    </message>
    <message>
        <source>"{fragment}" has no community or road name; write the name before the range, e.g. 姚江路1-99号 or 晓风苑1-12幢</source>
        <translation>“{fragment}”缺少小区或道路名称；请在范围前写上名称，例如 姚江路1-99号 或 晓风苑1-12幢</translation>
    </message>
    <message>
        <source>"{fragment}" has no name before the brackets; write the estate or road first, e.g. 春江花月（晓风苑、江树苑）</source>
        <translation>“{fragment}”括号前没有名称；请先写小区或道路名，例如 春江花月（晓风苑、江树苑）</translation>
    </message>
    <message>
        <source>"{fragment}": nothing inside the brackets; list the sub-names, e.g. 春江花月（晓风苑、江树苑）</source>
        <translation>“{fragment}”：括号内为空；请列出下属名称，例如 春江花月（晓风苑、江树苑）</translation>
    </message>
    <message>
        <source>The house-number range "{text}" is not understood; write e.g. 1-99号, 151号以后, 单号, 双号, 全段 or 1-12幢</source>
        <translation>无法识别门牌范围“{text}”；请写成如 1-99号、151号以后、单号、双号、全段 或 1-12幢</translation>
    </message>
    <message>
        <source>"{fragment}" has an empty name; write the community or road name</source>
        <translation>“{fragment}”名称为空；请填写小区或道路名称</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>任意号</translation>
    </message>
    <message>
        <source>{lo} and above</source>
        <translation>{lo}及以后</translation>
    </message>
    <message>
        <source>{range}, odd numbers only</source>
        <translation>{range}（仅单号）</translation>
    </message>
    <message>
        <source>{range}, even numbers only</source>
        <translation>{range}（仅双号）</translation>
    </message>
    <message>
        <source>No building number in the address; "{keyword}" covers buildings {range}</source>
        <translation>地址中没有楼栋号；“{keyword}”只负责 {range} 幢</translation>
    </message>
    <message>
        <source>Building {number} of "{keyword}" is in buildings {range}</source>
        <translation>“{keyword}”{number}幢在楼栋范围 {range} 内</translation>
    </message>
    <message>
        <source>No house number in the address; "{keyword}" covers numbers {range}</source>
        <translation>地址中没有门牌号；“{keyword}”只负责门牌 {range}</translation>
    </message>
    <message>
        <source>House number {number} on "{keyword}" is in {range}</source>
        <translation>“{keyword}”{number}号在门牌范围 {range} 内</translation>
    </message>
    <message>
        <source>Block "{keyword}" matched</source>
        <translation>匹配到楼栋“{keyword}”</translation>
    </message>
    <message>
        <source>Community or place "{keyword}" matched</source>
        <translation>匹配到小区/地点“{keyword}”</translation>
    </message>
    <message>
        <source>Road "{keyword}" matched (whole road)</source>
        <translation>匹配到道路“{keyword}”（全段）</translation>
    </message>
    <message>
        <source>Town or street "{keyword}" matched</source>
        <translation>匹配到街道/乡镇“{keyword}”</translation>
    </message>
    <message>
        <source>District "{keyword}" matched</source>
        <translation>匹配到区县“{keyword}”</translation>
    </message>
    <message>
        <source> (courier inactive)</source>
        <translation>（业务员已离职）</translation>
    </message>
    <message>
        <source>Partial name: “{keyword}” contains “{query}”</source>
        <translation>部分名称匹配：“{keyword}”包含“{query}”</translation>
    </message>
    <message>
        <source>The sample branch is already loaded. Undo its imports under 数据 first.</source>
        <translation type="vanished">示例网点已加载。请先在“数据”页撤销示例导入。</translation>
    </message>
    <message>
        <source>Loaded the sample branch: {areas} area rows, {routes} routes, {times} arrival times, {waybills} waybills. It is an example: import your branch's own tables to replace it.</source>
        <translation>已加载示例网点：派件区域 {areas} 行、路由 {routes} 条、时效 {times} 条、运单 {waybills} 条。这只是示例数据，导入本网点自己的表格即可替换。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Batch lookup (批量分单)</source>
        <translation>批量分单</translation>
    </message>
    <message>
        <source>Paste addresses here, one per line</source>
        <translation>在此粘贴地址，每行一个</translation>
    </message>
    <message>
        <source>Find couriers</source>
        <translation>查找业务员</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>{found} of {total} addresses matched; {ties} tie(s) to check.</source>
        <translation>{total} 个地址中已匹配 {found} 个；{ties} 个存在并列，需要核对。</translation>
    </message>
    <message>
        <source>Open addresses</source>
        <translation>打开地址文件</translation>
    </message>
    <message>
        <source>Spreadsheets and text (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>表格和文本文件 (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Area rules</source>
        <translation>片区规则数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Double-click a name, phone or note to change it; untick “Active” when a courier leaves. Ctrl+Z undoes.</source>
        <translation>双击姓名、电话或备注即可修改；业务员离职时取消勾选“在职”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Area as written</source>
        <translation>片区（原文）</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>号段</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>单双号</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation>撤销选中的导入</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Import a table…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <source>{areas} area rules · {routes} routes · {times} arrival times · {waybills} waybills</source>
        <translation>片区规则 {areas} 条 · 路由 {routes} 条 · 时效 {times} 条 · 运单 {waybills} 条</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Select an import in the list first.</source>
        <translation>请先在列表中选择一条导入记录。</translation>
    </message>
    <message>
        <source>Remove the {rows} row(s) imported from {file}? A table it replaced comes back.</source>
        <translation>删除从 {file} 导入的 {rows} 行？被它替换的表格将会恢复。</translation>
    </message>
    <message>
        <source>Import a table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Choose an Excel or CSV file</source>
        <translation>请选择 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Choose a file to see how its columns are read.</source>
        <translation>选择文件后，可在此查看各列的识别结果。</translation>
    </message>
    <message>
        <source>Skip the invalid rows and import the rest</source>
        <translation>跳过无效行，导入其余行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Columns (change a column's meaning if it was not recognised):</source>
        <translation>列对应关系（如有列未识别正确，可手动修改）：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Tables ({patterns})</source>
        <translation>表格文件 ({patterns})</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>{ok} row(s) are valid, {bad} have problems. Correct the file and choose it again, or skip the invalid rows.</source>
        <translation>有效 {ok} 行，{bad} 处有问题。请修改文件后重新选择，或跳过无效行。</translation>
    </message>
    <message>
        <source>All {ok} row(s) are valid. Header found in row {row}.</source>
        <translation>全部 {ok} 行均有效。标题行在第 {row} 行。</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>发生意外错误：{error}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>building range</source>
        <translation>楼栋范围</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>Address, waybill number, phone or its last 4 digits — e.g. 中山西路37号</source>
        <translation>地址、运单号、电话或电话后 4 位——例如 中山西路37号</translation>
    </message>
    <message>
        <source>Batch lookup…</source>
        <translation>批量分单…</translation>
    </message>
    <message>
        <source>Paste or import a column of addresses (批量分单)</source>
        <translation>粘贴或导入一列地址，批量分单</translation>
    </message>
    <message>
        <source>Couriers for this address</source>
        <translation>该地址的派件业务员</translation>
    </message>
    <message>
        <source>Waybills ({count})</source>
        <translation>运单（{count}）</translation>
    </message>
    <message>
        <source>Type an address to see who delivers there, or a waybill number / phone number / last 4 digits of a phone to find the parcel.</source>
        <translation>输入地址可查看由哪位业务员派送；输入运单号、电话号码或电话后 4 位可查找包裹。</translation>
    </message>
    <message>
        <source>Delivered by &lt;b&gt;{name}&lt;/b&gt; {phone}</source>
        <translation>派件业务员：&lt;b&gt;{name}&lt;/b&gt; {phone}</translation>
    </message>
    <message>
        <source>⚠ Two couriers match equally well — check the house number or building, or ask the owner.</source>
        <translation>⚠ 两位业务员匹配程度相同——请核对门牌号或楼栋号，或询问网点负责人。</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>未找到与“{query}”相关的结果。</translation>
    </message>
    <message>
        <source>Did you mean: {links}</source>
        <translation>您是不是要找：{links}</translation>
    </message>
    <message>
        <source>Destination: {place}</source>
        <translation>目的地：{place}</translation>
    </message>
    <message>
        <source>Route: {hub} (code {code}, cut-off {cutoff})</source>
        <translation>路由：{hub}（路由编码 {code}，截单时间 {cutoff}）</translation>
    </message>
    <message>
        <source>Expected in {days} day(s)</source>
        <translation>预计 {days} 天送达</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import a table…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BranchDesk</source>
        <translation>关于网点服务台(&amp;A)</translation>
    </message>
    <message>
        <source>BranchDesk 网点服务台</source>
        <translation>网点服务台</translation>
    </message>
    <message>
        <source>You are looking at the SAMPLE branch (示例数据). Import your branch's own tables under 数据, then undo the sample imports there.</source>
        <translation type="vanished">当前显示的是示例网点（示例数据）。请在“数据”页导入本网点自己的表格，然后在同一页撤销示例导入。</translation>
    </message>
    <message>
        <source>Sample branch</source>
        <translation>示例网点</translation>
    </message>
    <message>
        <source>Welcome to BranchDesk</source>
        <translation>欢迎使用网点服务台</translation>
    </message>
    <message>
        <source>About BranchDesk</source>
        <translation>关于网点服务台</translation>
    </message>
    <message>
        <source>BranchDesk 网点服务台 {version}
Data: {path}</source>
        <translation type="vanished">网点服务台 BranchDesk {version}
数据目录：{path}</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>e.g. 中通宁波海曙网点</source>
        <translation>例如：中通宁波海曙网点</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>A new language takes effect the next time BranchDesk starts.</source>
        <translation>更改的语言将在下次启动网点服务台时生效。</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已被替换</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source> (sample)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <source>Load the sample &amp;branch</source>
        <translation>载入示例网点(&amp;B)</translation>
    </message>
    <message>
        <source>Waybills (newest {count}; type more to narrow down)</source>
        <translation>运单（最新 {count} 条，多输入几个字可缩小范围）</translation>
    </message>
    <message>
        <source>Could be delivered by: {names}</source>
        <translation>可能的派件业务员：{names}</translation>
    </message>
    <message>
        <source>community / place</source>
        <translation>小区/地点</translation>
    </message>
    <message>
        <source>road, numbers</source>
        <translation>道路门牌段</translation>
    </message>
    <message>
        <source>whole road</source>
        <translation>整条道路</translation>
    </message>
    <message>
        <source>town / street</source>
        <translation>街道/乡镇</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查件</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Opening the branch's data…</source>
        <translation>正在打开网点数据…</translation>
    </message>
    <message>
        <source>BranchDesk cannot open its data</source>
        <translation>网点服务台无法打开数据</translation>
    </message>
    <message>
        <source>“{parent}” is split into blocks; this courier has “{keyword}” — check the block</source>
        <translation type="vanished">“{parent}”分为多个楼座；该业务员负责“{keyword}”——请核对楼座</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Cannot use {path}: {error}. Check that the folder exists and that the file is not open in another program (such as Excel).</source>
        <translation>无法使用 {path}：{error}。请确认文件夹存在，且文件没有被其他程序（如 Excel）打开。</translation>
    </message>
    <message>
        <source>The database is busy or cannot be written ({error}). Close other BranchDesk windows or commands and try again.</source>
        <translation>数据库正忙或无法写入（{error}）。请关闭其他网点服务台窗口或命令后重试。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}. Check that the folder exists and that the file is not open in Excel, then export again.</source>
        <translation>无法写入 {path}：{error}。请确认文件夹存在且文件没有在 Excel 中打开，然后重新导出。</translation>
    </message>
    <message>
        <source>Wrote {pages} page(s) to {path}</source>
        <translation>已将 {pages} 页写入 {path}</translation>
    </message>
    <message>
        <source>Paper no. {seed}: print it again with --seed {seed}</source>
        <translation>试卷编号 {seed}：用 --seed {seed} 可再次打印同一份试卷</translation>
    </message>
    <message>
        <source>What is the fine for “{cause}”?</source>
        <translation>“{cause}”的处罚金额是多少？</translation>
    </message>
    <message>
        <source>Which is the correct operating standard for “{cause}”?</source>
        <translation>“{cause}”的正确操作标准是哪一项？</translation>
    </message>
    <message>
        <source>The fine for “{cause}” is {fine}.</source>
        <translation>“{cause}”的处罚金额是{fine}。</translation>
    </message>
    <message>
        <source>There are no handbook items in the chosen categories.</source>
        <translation>所选分类中没有手册条目。</translation>
    </message>
    <message>
        <source>Penalty handbook exam</source>
        <translation>处罚手册考试</translation>
    </message>
    <message>
        <source>counted in KPI, no fixed fine</source>
        <translation>计入KPI考核，无固定罚款</translation>
    </message>
    <message>
        <source>{fine}, then {step} yuan more every {minutes} minutes after the first {after} minutes</source>
        <translation>{fine}，超过{after}分钟后每{minutes}分钟加{step}元</translation>
    </message>
    <message>
        <source>{fine}, then {step} yuan more every {minutes} minutes</source>
        <translation>{fine}，超时每{minutes}分钟加{step}元</translation>
    </message>
    <message>
        <source>compensation plus {fine}</source>
        <translation>赔偿+{fine}</translation>
    </message>
    <message>
        <source>compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>{fine} and dismissal</source>
        <translation>{fine}并辞退</translation>
    </message>
    <message>
        <source>dismissal</source>
        <translation>辞退</translation>
    </message>
    <message>
        <source>{fine}, plus compensation</source>
        <translation>{fine}，另需赔偿</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount}元</translation>
    </message>
    <message>
        <source>severe cases: {fine}</source>
        <translation>严重者{fine}</translation>
    </message>
    <message>
        <source>{fine}; severe cases: {severe}</source>
        <translation>{fine}；严重者{severe}</translation>
    </message>
    <message>
        <source>{amount} yuan per {unit}</source>
        <translation>{amount}元/{unit}</translation>
    </message>
    <message>
        <source>The fine is empty.</source>
        <translation>处罚金额为空。</translation>
    </message>
    <message>
        <source>Create the categories that do not exist yet</source>
        <translation>创建尚不存在的分类</translation>
    </message>
    <message>
        <source>at most {n} characters</source>
        <translation>最多 {n} 个字</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>违规致因</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>处罚金额</translation>
    </message>
    <message>
        <source>Operating standard</source>
        <translation>操作标准</translation>
    </message>
    <message>
        <source>How to avoid it</source>
        <translation>避责方法</translation>
    </message>
    <message>
        <source>HQ code</source>
        <translation>总部编号</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>there is no category “{name}” yet: correct the name, or choose “Create the categories that do not exist yet” (--create-categories). Existing categories: {known}</source>
        <translation>还没有“{name}”这个分类：请改正名称，或选择“创建尚不存在的分类”（--create-categories）。现有分类：{known}</translation>
    </message>
    <message>
        <source>the same cause already appears in row {row}</source>
        <translation>相同的违规致因已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>Penalty handbook</source>
        <translation>处罚手册</translation>
    </message>
    <message>
        <source>No practice results saved yet for {who}.</source>
        <translation>暂无{who}的练习成绩。</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>The sample handbook is already loaded.</source>
        <translation>示例手册已加载。</translation>
    </message>
    <message>
        <source>Loaded the sample handbook: {count} items. It is an example: import your HQ's own handbook to replace it.</source>
        <translation>已加载示例手册：共 {count} 条。这只是示例，导入本网点总部的处罚手册即可替换。</translation>
    </message>
    <message>
        <source>The fine cannot be empty (write e.g. 10元/票 or 计入KPI考核).</source>
        <translation>处罚金额不能为空（例如填写 10元/票 或 计入KPI考核）。</translation>
    </message>
    <message>
        <source>The fine is at most {n} characters.</source>
        <translation>处罚金额最多 {n} 个字。</translation>
    </message>
    <message>
        <source>A category needs a name.</source>
        <translation>分类名称不能为空。</translation>
    </message>
    <message>
        <source>A category name is at most {n} characters.</source>
        <translation>分类名称最多 {n} 个字。</translation>
    </message>
    <message>
        <source>There is already a category named “{name}”.</source>
        <translation>已有名为“{name}”的分类。</translation>
    </message>
    <message>
        <source>This category no longer exists.</source>
        <translation>该分类已不存在。</translation>
    </message>
    <message>
        <source>This handbook item no longer exists.</source>
        <translation>该手册条目已不存在。</translation>
    </message>
    <message>
        <source>There is no category “{name}”. Add it first.</source>
        <translation>没有“{name}”这个分类。请先添加。</translation>
    </message>
    <message>
        <source>The cause (违规致因) cannot be empty.</source>
        <translation>违规致因不能为空。</translation>
    </message>
    <message>
        <source>The cause is at most {n} characters.</source>
        <translation>违规致因最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The effective date must be a date such as 2026-01-01.</source>
        <translation>生效日期应为日期，例如 2026-01-01。</translation>
    </message>
    <message>
        <source>The item's category no longer exists; add it again first.</source>
        <translation>该条目所属的分类已不存在，请先重新添加该分类。</translation>
    </message>
    <message>
        <source>No category named {names}. The categories are: {known}</source>
        <translation>没有名为 {names} 的分类。现有分类：{known}</translation>
    </message>
    <message>
        <source>There are no handbook items to print. Add items or import the HQ handbook first.</source>
        <translation>没有可打印的手册条目。请先添加条目，或导入总部的处罚手册。</translation>
    </message>
    <message>
        <source>An exam has between 1 and 200 questions.</source>
        <translation>考卷题数应在 1 到 200 之间。</translation>
    </message>
    <message>
        <source>Enter the employee's name so the result can be saved.</source>
        <translation>请输入员工姓名，以便保存成绩。</translation>
    </message>
    <message>
        <source>The name is at most 40 characters.</source>
        <translation>姓名最多 40 个字。</translation>
    </message>
    <message>
        <source>Fill in the fine</source>
        <translation>填空题</translation>
    </message>
    <message>
        <source>Write the fine for each violation.</source>
        <translation>写出每项违规的处罚金额。</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>选择题</translation>
    </message>
    <message>
        <source>Choose the correct operating standard.</source>
        <translation>选出正确的操作标准。</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Mark {true} if the statement is true, {false} if it is false.</source>
        <translation>对的打{true}，错的打{false}。</translation>
    </message>
    <message>
        <source>I</source>
        <translation>一</translation>
    </message>
    <message>
        <source>II</source>
        <translation>二</translation>
    </message>
    <message>
        <source>III</source>
        <translation>三</translation>
    </message>
    <message>
        <source>({points} pt)</source>
        <translation>（{points}分）</translation>
    </message>
    <message>
        <source>Fine:</source>
        <translation>处罚金额：</translation>
    </message>
    <message>
        <source>Categories: {names}</source>
        <translation>范围：{names}</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>{count} questions, {total} points</source>
        <translation>共 {count} 题，满分 {total} 分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Paper no. {seed}</source>
        <translation>试卷编号 {seed}</translation>
    </message>
    <message>
        <source>New-hire exam</source>
        <translation>新人考卷</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Paper no. {seed} — for the marker only; do not hand out with the paper.</source>
        <translation>试卷编号 {seed}——仅供阅卷，请勿随试卷发放。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The exam has no questions. Choose categories with items.</source>
        <translation>考卷没有题目。请选择有条目的分类。</translation>
    </message>
    <message>
        <source>{numeral}. {section}</source>
        <translation>{numeral}、{section}</translation>
    </message>
    <message>
        <source>{instruction} {count} questions, {points} points each, {subtotal} points.</source>
        <translation>{instruction}共 {count} 题，每题 {points} 分，计 {subtotal} 分。</translation>
    </message>
    <message>
        <source>The Chinese font for printing is missing ({font}) and no Chinese TrueType font was found on this PC. Reinstall BranchDesk to restore it, then print again.</source>
        <translation>打印用的中文字体（{font}）缺失，本机也没有可用的中文 TrueType 字体。请重新安装网点服务台，然后再打印。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>HQ code {code}</source>
        <translation>总部编号 {code}</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Sample handbook</source>
        <translation>示例手册</translation>
    </message>
    <message>
        <source>Every item in this handbook is an example. Replace them with your branch's own HQ rules and fines before you print it for staff.</source>
        <translation>本手册中的所有条目都是示例。请先换成本网点总部的处罚规定和金额，再打印给员工使用。</translation>
    </message>
    <message>
        <source>{flag} The fine of a marked item is printed as written in the source; check it against HQ's current rules.</source>
        <translation>{flag} 标记的处罚金额按原文照录，请以总部最新规定为准。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <source>The handbook has no items yet.</source>
        <translation>手册还没有条目。</translation>
    </message>
    <message>
        <source>Penalty handbook (sample)</source>
        <translation>处罚手册（示例）</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>No items in this category.</source>
        <translation>本分类暂无条目。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印于 {date}</translation>
    </message>
    <message>
        <source>Part of “{title}” is too large for an A4 page. Shorten the longest text and print again.</source>
        <translation>“{title}”中有内容超出一张 A4 纸。请缩短最长的文字后再打印。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}. Check that the folder exists and that the file is not open in a PDF viewer, then print again.</source>
        <translation>无法写入 {path}：{error}。请确认文件夹存在、该文件没有在 PDF 阅读器中打开，然后再打印。</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Write from memory</source>
        <translation>默写</translation>
    </message>
    <message>
        <source>Results of {name}</source>
        <translation>{name} 的成绩记录</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩记录</translation>
    </message>
    <message>
        <source>{count} results, {average}% correct on average</source>
        <translation>共 {count} 条成绩，平均正确率 {average}%</translation>
    </message>
    <message>
        <source>No results yet.</source>
        <translation>暂无成绩。</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正确率</translation>
    </message>
    <message>
        <source>Paper no.</source>
        <translation>试卷编号</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{category} (continued)</source>
        <translation>{category}（续）</translation>
    </message>
    <message>
        <source>Branch: {name}</source>
        <translation>网点：{name}</translation>
    </message>
    <message>
        <source>Courier: {name}</source>
        <translation>业务员：{name}</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <source>There is nothing to print: the chosen categories have no items. Add items first.</source>
        <translation>没有可打印的内容：所选分类中没有条目。请先添加条目。</translation>
    </message>
    <message>
        <source>Vehicle penalty sheet</source>
        <translation>车载处罚单</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Delete {n} item(s)</source>
        <translation>删除 {n} 条条目</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>移动条目</translation>
    </message>
    <message>
        <source>Load the sample handbook</source>
        <translation>载入示例手册</translation>
    </message>
    <message>
        <source>Search causes, fines, standards, how to avoid, HQ codes…  (Ctrl+F)</source>
        <translation>搜索违规致因、处罚金额、操作标准、避责方法、总部编号…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Move the category up</source>
        <translation>分类上移</translation>
    </message>
    <message>
        <source>Move the category down</source>
        <translation>分类下移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <source>Move the item up (Alt+Up)</source>
        <translation>条目上移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move the item down (Alt+Down)</source>
        <translation>条目下移（Alt+Down）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Double-click a cell to change it (Ctrl+Enter saves long text); Ctrl+Z undoes. Fines on a yellow ground are kept as written.</source>
        <translation>双击单元格即可修改（长文本按 Ctrl+Enter 保存）；按 Ctrl+Z 撤销。黄色底色的处罚金额按原文保留。</translation>
    </message>
    <message>
        <source>All ({count})</source>
        <translation>全部（{count}）</translation>
    </message>
    <message>
        <source>This is the SAMPLE handbook (示例): amounts are examples, not your HQ's. Import your HQ's handbook (Import…) to replace it; undo that import under 数据 to get the sample back.</source>
        <translation>当前显示的是示例手册（示例）：金额只是示例，并非本网点总部的规定。导入总部的处罚手册（导入…）即可替换；在“数据”页撤销该导入可恢复示例。</translation>
    </message>
    <message>
        <source>The handbook is empty. Import your HQ's penalty handbook from Excel, add items with “New item”, or load the sample handbook to see how it works.</source>
        <translation>手册是空的。请从 Excel 导入总部的处罚手册，或用“新建条目”逐条添加，也可以载入示例手册看看怎么用。</translation>
    </message>
    <message>
        <source>{count} item(s)</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <source>Add a category first.</source>
        <translation>请先添加分类。</translation>
    </message>
    <message>
        <source>Cause (违规致因) in “{category}”:</source>
        <translation>“{category}”中的违规致因：</translation>
    </message>
    <message>
        <source>Fine (处罚金额), e.g. 10元/票, 100-200元, 赔偿+10元, 计入KPI考核:</source>
        <translation>处罚金额，例如 10元/票、100-200元、赔偿+10元、计入KPI考核：</translation>
    </message>
    <message>
        <source>Deleted {n} item(s). Ctrl+Z brings them back.</source>
        <translation>已删除 {n} 条条目。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Add category {name}</source>
        <translation>添加分类“{name}”</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Rename category {name}</source>
        <translation>重命名分类“{name}”</translation>
    </message>
    <message>
        <source>Move category</source>
        <translation>移动分类</translation>
    </message>
    <message>
        <source>Delete category {name}</source>
        <translation>删除分类“{name}”</translation>
    </message>
    <message>
        <source>Export the handbook</source>
        <translation>导出处罚手册</translation>
    </message>
    <message>
        <source>处罚手册.xlsx</source>
        <translation>处罚手册.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Wrote {count} item(s) to {path}</source>
        <translation>已将 {count} 条条目写入 {path}</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>处罚手册</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Printed {pages} page(s): {path}</source>
        <translation>已打印 {pages} 页：{path}</translation>
    </message>
    <message>
        <source>Practise the penalty handbook</source>
        <translation>处罚手册练习</translation>
    </message>
    <message>
        <source>Answer questions drawn from the handbook, or write operating standards from memory. Every finished round is saved in the history on the right.</source>
        <translation>回答从手册中抽出的题目，或默写操作标准。每完成一轮，成绩都会保存到右侧的记录中。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Quiz: fines, standards, true or false</source>
        <translation>练习：处罚金额、操作标准、判断题</translation>
    </message>
    <message>
        <source>Copy-out (默写): write the standard from memory</source>
        <translation>默写：凭记忆写出操作标准</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>题数：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>The handbook is empty. Import it on the Handbook page (Ctrl+4) or load the sample handbook there first.</source>
        <translation>手册是空的。请先在“处罚手册”页（Ctrl+4）导入手册，或在该页载入示例手册。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>开始（Enter）</translation>
    </message>
    <message>
        <source>The fine, e.g. 50元/票</source>
        <translation>处罚金额，例如 50元/票</translation>
    </message>
    <message>
        <source>1  True</source>
        <translation>1  对</translation>
    </message>
    <message>
        <source>2  False</source>
        <translation>2  错</translation>
    </message>
    <message>
        <source>Write the operating standard (操作标准) from memory…</source>
        <translation>凭记忆写出操作标准…</translation>
    </message>
    <message>
        <source>The handbook's text: red underlined was left out, grey struck through is not in the handbook.</source>
        <translation>手册原文：红色下划线为漏写的内容，灰色删除线为手册中没有的内容。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Stop this round (Esc)</source>
        <translation>结束本轮（Esc）</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>再练一次</translation>
    </message>
    <message>
        <source>Back to the choice of questions (Enter)</source>
        <translation>返回选题（Enter）</translation>
    </message>
    <message>
        <source>Copy-out</source>
        <translation>默写</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>正确率</translation>
    </message>
    <message>
        <source>Print results…</source>
        <translation>打印成绩…</translation>
    </message>
    <message>
        <source>Enter your name first: the result is saved under it.</source>
        <translation>请先输入姓名：成绩会保存在该姓名下。</translation>
    </message>
    <message>
        <source>Tick at least one category.</source>
        <translation>请至少勾选一个分类。</translation>
    </message>
    <message>
        <source>No item in the chosen categories has an operating standard to write out. Choose other categories or use the quiz.</source>
        <translation>所选分类中没有可默写操作标准的条目。请选择其他分类，或改用练习。</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>第 {number} 题 / 共 {total} 题</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Submit the answer (Enter)</source>
        <translation>提交答案（Enter）</translation>
    </message>
    <message>
        <source>Enter: submit · Esc: quit</source>
        <translation>Enter：提交 · Esc：退出</translation>
    </message>
    <message>
        <source>1–4 or A–D: choose · Enter: submit · Esc: quit</source>
        <translation>1–4 或 A–D：选择 · Enter：提交 · Esc：退出</translation>
    </message>
    <message>
        <source>1: true · 2: false · Enter: submit · Esc: quit</source>
        <translation>1：对 · 2：错 · Enter：提交 · Esc：退出</translation>
    </message>
    <message>
        <source>Fine: {fine}</source>
        <translation>处罚金额：{fine}</translation>
    </message>
    <message>
        <source>Ctrl+Enter: submit · Esc: quit</source>
        <translation>Ctrl+Enter：提交 · Esc：退出</translation>
    </message>
    <message>
        <source>True</source>
        <translation>对</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错</translation>
    </message>
    <message>
        <source>Type an answer or choose one first.</source>
        <translation>请先填写答案。</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>请先选择答案。</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Wrong.</source>
        <translation>错误。</translation>
    </message>
    <message>
        <source>The correct answer: {answer}</source>
        <translation>正确答案：{answer}</translation>
    </message>
    <message>
        <source>The handbook's fine: {fine}</source>
        <translation>手册规定的处罚金额：{fine}</translation>
    </message>
    <message>
        <source>Write the standard first.</source>
        <translation>请先写出操作标准。</translation>
    </message>
    <message>
        <source>{score} points for this item</source>
        <translation>本条得分：{score}</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>查看成绩</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Go on (Enter)</source>
        <translation>继续（Enter）</translation>
    </message>
    <message>
        <source>Enter: go on · Esc: quit</source>
        <translation>Enter：继续 · Esc：退出</translation>
    </message>
    <message>
        <source>Stop practising?</source>
        <translation>结束练习？</translation>
    </message>
    <message>
        <source>{done} of {total} answered. Stop now? Nothing of this round is saved.</source>
        <translation>已答 {done}/{total} 题。现在结束吗？本轮成绩不会保存。</translation>
    </message>
    <message>
        <source>The result was not saved</source>
        <translation>成绩未保存</translation>
    </message>
    <message>
        <source>{score}/{total} = {percent} points</source>
        <translation>{score}/{total} = {percent} 分</translation>
    </message>
    <message>
        <source>{score} points on average</source>
        <translation>平均 {score} 分</translation>
    </message>
    <message>
        <source>Saved in the history for {name}.</source>
        <translation>已保存到 {name} 的练习记录中。</translation>
    </message>
    <message>
        <source>This result was not saved.</source>
        <translation>本次成绩未保存。</translation>
    </message>
    <message>
        <source>Every answer right. Well done!</source>
        <translation>全部答对，真棒！</translation>
    </message>
    <message>
        <source>To look at again</source>
        <translation>需要复习的题</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>您的答案：</translation>
    </message>
    <message>
        <source>Correct:</source>
        <translation>正确答案：</translation>
    </message>
    <message>
        <source>Items written out</source>
        <translation>默写的条目</translation>
    </message>
    <message>
        <source>History: everyone</source>
        <translation>练习记录：全部人员</translation>
    </message>
    <message>
        <source>History: {name}</source>
        <translation>练习记录：{name}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Only the {n} selected item(s)</source>
        <translation>仅选中的 {n} 条</translation>
    </message>
    <message>
        <source>The same paper number prints the same paper again.</source>
        <translation>相同的试卷编号会打印出相同的试卷。</translation>
    </message>
    <message>
        <source>New paper</source>
        <translation>换一份试卷</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>Courier's name</source>
        <translation>业务员姓名</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Employee (empty: everyone)</source>
        <translation>员工（留空为全部）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Cancelled. Change an option to try again.</source>
        <translation>已取消。修改任一选项即可重试。</translation>
    </message>
    <message>
        <source>{pages} page(s), A4.</source>
        <translation>共 {pages} 页，A4。</translation>
    </message>
    <message>
        <source>Paper no. {seed}.</source>
        <translation>试卷编号 {seed}。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}. Check the folder and that the file is not open in another program, then save again.</source>
        <translation>无法写入 {path}：{error}。请检查文件夹，并确认文件没有被其他程序打开，然后重新保存。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>已将 {pages} 页发送到打印机。</translation>
    </message>
    <message>
        <source>Full handbook</source>
        <translation>完整处罚手册</translation>
    </message>
    <message>
        <source>Vehicle sheets (large type)</source>
        <translation>车载处罚单（大字）</translation>
    </message>
    <message>
        <source>Exam paper with answer key</source>
        <translation type="vanished">新人考卷（含答案）</translation>
    </message>
    <message>
        <source>Practice results</source>
        <translation>练习成绩</translation>
    </message>
    <message>
        <source>Edit an item</source>
        <translation>修改条目</translation>
    </message>
    <message>
        <source>Category name:</source>
        <translation>分类名称：</translation>
    </message>
    <message>
        <source>Reprinted paper no. {seed}, first printed {when}.</source>
        <translation>已重印试卷编号 {seed}（首次打印于 {when}）。</translation>
    </message>
    <message>
        <source>a fine is expected, but the cell holds a date (Excel turns 1-5 into a date). Format the column as text and type the fine again, e.g. 1-5元/票</source>
        <translation>此处应为处罚金额，但单元格里是日期（Excel 会把 1-5 变成日期）。请把该列设为文本格式后重新填写，例如 1-5元/票</translation>
    </message>
    <message>
        <source>a fine above 0 is expected, e.g. 10元/票</source>
        <translation>处罚金额应大于 0，例如 10元/票</translation>
    </message>
    <message>
        <source>the cell holds an Excel error instead of a fine</source>
        <translation>单元格里是 Excel 错误值，不是处罚金额</translation>
    </message>
    <message>
        <source>“{name}” still holds {count} item(s). Move or delete them first.</source>
        <translation>“{name}”下还有 {count} 条条目，请先移走或删除。</translation>
    </message>
    <message>
        <source>“{name}” holds {count} old item(s) kept to undo an import.</source>
        <translation>“{name}”下保存着 {count} 条旧条目，用于撤销导入。</translation>
    </message>
    <message>
        <source>The category cannot be brought back: the handbook has changed.</source>
        <translation>无法恢复该分类：处罚手册已有变动。</translation>
    </message>
    <message>
        <source>The item cannot be brought back: the handbook has changed.</source>
        <translation>无法恢复该条目：处罚手册已有变动。</translation>
    </message>
    <message>
        <source>Kept as written: BranchDesk cannot read this fine's shape. It is printed as written and left out of fill-in exam questions.</source>
        <translation>按原文保存：无法识别此处罚金额的写法。打印时照原文输出，出题时不用于填空题。</translation>
    </message>
    <message>
        <source>Delete category</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <source>“{name}” has no items now, but keeps {count} old item(s) that an import replaced, so that the import can be undone. Delete the category and those old items? Undoing that import will then not bring them back.</source>
        <translation>“{name}”下已没有条目，但保存着 {count} 条被导入替换的旧条目，用于撤销那次导入。要删除该分类及这些旧条目吗？删除后撤销那次导入也无法恢复它们。</translation>
    </message>
    <message>
        <source>Importing replaces everything now in this table (also what was added by hand); undo the import under 数据 to get it back.</source>
        <translation>导入会替换此表现有的全部内容（包括手工添加的）；在“数据”页撤销该导入即可恢复。</translation>
    </message>
    <message>
        <source>The PDF could not be opened for printing.</source>
        <translation>无法打开 PDF 进行打印。</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and ready.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并就绪。</translation>
    </message>
    <message>
        <source>Page {page} could not be prepared for the printer.</source>
        <translation>第 {page} 页无法送往打印机。</translation>
    </message>
    <message>
        <source>Paper no. {seed} was first printed on {when}: this is that paper again.</source>
        <translation>试卷编号 {seed} 首次打印于 {when}：这是同一份试卷。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Load a sample branch to try BranchDesk? It is an example (an area table of 10 couriers, routes, arrival times, 3,000 waybills and a penalty handbook of 33 rules) that you replace by importing your own tables.</source>
        <translation type="vanished">是否加载示例网点来试用网点服务台？示例包含 10 名业务员的派件区域表、路由、时效、3000 条运单和 33 条处罚规定，导入本网点自己的表格后即可替换。</translation>
    </message>
    <message>
        <source>Only slips are printed from a file: {path}</source>
        <translation>只有问题件提醒单从文件打印：{path}</translation>
    </message>
    <message>
        <source>Give the HQ's problem-parcel list: print slips FILE -o OUT.pdf</source>
        <translation>请给出总部的问题件清单：print slips 文件 -o 输出.pdf</translation>
    </message>
    <message>
        <source>Nothing due within {hours} hour(s).</source>
        <translation>{hours} 小时内没有到期的投诉。</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>{overdue} overdue, {soon} due soon.</source>
        <translation>已超时 {overdue} 条，即将到期 {soon} 条。</translation>
    </message>
    <message>
        <source>a date and time is expected here, e.g. 2026-11-22 09:30</source>
        <translation>此处应为日期和时间，例如 2026-11-22 09:30</translation>
    </message>
    <message>
        <source>HQ work order no.</source>
        <translation>总部工单号</translation>
    </message>
    <message>
        <source>Work-order type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>the deadline is before the time the work order was created</source>
        <translation>处理时限早于工单创建时间</translation>
    </message>
    <message>
        <source>the same work order already appears in row {row}</source>
        <translation>相同的工单已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>this work order was imported before (complaint {ticket})</source>
        <translation>该工单之前已导入过（登记号 {ticket}）</translation>
    </message>
    <message>
        <source>{count} work order(s) were on a waybill that already had an open complaint and were merged into it.</source>
        <translation>{count} 条工单的运单已有未结案的投诉，已合并到该投诉。</translation>
    </message>
    <message>
        <source>Types not among the categories were filed under 其他 (the HQ type is kept in the description): {types}</source>
        <translation>以下类型不在投诉分类中，已归入“其他”（总部的原类型保留在问题描述中）：{types}</translation>
    </message>
    <message>
        <source>HQ work orders</source>
        <translation>总部工单</translation>
    </message>
    <message>
        <source>This complaint category no longer exists.</source>
        <translation>该投诉分类已不存在。</translation>
    </message>
    <message>
        <source>{what} is at most {n} characters.</source>
        <translation>{what}最多 {n} 个字。</translation>
    </message>
    <message>
        <source>A category name</source>
        <translation>分类名称</translation>
    </message>
    <message>
        <source>A deadline is between 1 hour and 30 days (720 hours).</source>
        <translation>处理时限应在 1 小时到 30 天（720 小时）之间。</translation>
    </message>
    <message>
        <source>“{name}” is used by {count} complaint(s) and cannot be deleted; rename it instead.</source>
        <translation>“{name}”已用于 {count} 条投诉，不能删除；可以改名。</translation>
    </message>
    <message>
        <source>Delete or move the sub-categories of “{name}” first.</source>
        <translation>请先删除或移走“{name}”下的子分类。</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>A script title</source>
        <translation>话术标题</translation>
    </message>
    <message>
        <source>A reply script cannot be empty.</source>
        <translation>回复话术不能为空。</translation>
    </message>
    <message>
        <source>This reply script no longer exists.</source>
        <translation>该回复话术已不存在。</translation>
    </message>
    <message>
        <source>within {days} day(s)</source>
        <translation>{days} 天内</translation>
    </message>
    <message>
        <source>This complaint no longer exists.</source>
        <translation>该投诉已不存在。</translation>
    </message>
    <message>
        <source>Choose a channel: {channels}</source>
        <translation>请选择渠道：{channels}</translation>
    </message>
    <message>
        <source>The deadline cannot be before the time it was received.</source>
        <translation>处理时限不能早于受理时间。</translation>
    </message>
    <message>
        <source>Enter the waybill number or describe the complaint.</source>
        <translation>请填写运单号或问题描述。</translation>
    </message>
    <message>
        <source>The HQ order number</source>
        <translation>总部工单号</translation>
    </message>
    <message>
        <source>The customer's name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The courier's name</source>
        <translation>业务员姓名</translation>
    </message>
    <message>
        <source>The courier's phone</source>
        <translation>业务员电话</translation>
    </message>
    <message>
        <source>This complaint was merged into another one; follow that one instead.</source>
        <translation>该投诉已合并到另一条投诉，请在那条投诉中跟进。</translation>
    </message>
    <message>
        <source>A complaint cannot be merged into itself.</source>
        <translation>投诉不能合并到它自己。</translation>
    </message>
    <message>
        <source>Merge into the complaint that is followed, not into a merged one.</source>
        <translation>请合并到正在跟进的投诉，不能合并到已被合并的投诉。</translation>
    </message>
    <message>
        <source>This complaint has already been merged.</source>
        <translation>该投诉已被合并。</translation>
    </message>
    <message>
        <source>merged into {ticket}</source>
        <translation>已合并到 {ticket}</translation>
    </message>
    <message>
        <source>{ticket} merged in</source>
        <translation>{ticket} 已合并到本投诉</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>未签收</translation>
    </message>
    <message>
        <source>Missed scan</source>
        <translation>漏扫</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>派送超时</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>courier column</source>
        <translation>业务员列</translation>
    </message>
    <message>
        <source>waybill list</source>
        <translation>运单列表</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>{parcels} parcel(s) for {couriers} courier(s), {unmatched} unmatched, {checks} to check</source>
        <translation>{parcels} 票，分给 {couriers} 名业务员，{unmatched} 票未匹配，{checks} 票待核对</translation>
    </message>
    <message>
        <source>{parcels} parcel(s) for {couriers} courier(s), {unmatched} unmatched</source>
        <translation>{parcels} 票，分给 {couriers} 名业务员，{unmatched} 票未匹配</translation>
    </message>
    <message>
        <source>{file}: {count} problem(s) found, nothing was printed. Correct the file and print again, or choose to skip the invalid rows.</source>
        <translation>{file}：发现 {count} 处问题，未打印任何内容。请修改文件后重新打印，或选择跳过有问题的行。</translation>
    </message>
    <message>
        <source>{file}: there are no parcels to print. Check that it is the HQ's problem list and that it has waybill numbers.</source>
        <translation>{file}：没有可打印的件。请确认这是总部的问题件清单，并且有运单号。</translation>
    </message>
    <message>
        <source>Wrote {pages} page(s) to {path}: {summary}.</source>
        <translation>已写入 {pages} 页到 {path}：{summary}。</translation>
    </message>
    <message>
        <source>Unknown status '{status}'.</source>
        <translation>未知的状态“{status}”。</translation>
    </message>
    <message>
        <source>A complaint that is “{current}” cannot become “{target}”. From here it can become: {choices}.</source>
        <translation>投诉当前为“{current}”，不能改为“{target}”。现在只能改为：{choices}。</translation>
    </message>
    <message>
        <source>Write how the complaint was resolved (处理结果) before closing it.</source>
        <translation>结案前请填写处理结果。</translation>
    </message>
    <message>
        <source>Enter the compensation paid before closing (0 when none was paid).</source>
        <translation>结案前请填写赔偿金额（没有赔偿填 0）。</translation>
    </message>
    <message>
        <source>The compensation cannot be negative.</source>
        <translation>赔偿金额不能为负数。</translation>
    </message>
    <message>
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month:02d}月</translation>
    </message>
    <message>
        <source>Complaint report {month}</source>
        <translation>投诉月报（{month}）</translation>
    </message>
    <message>
        <source>As of {when}. Customers' phones and names are masked.</source>
        <translation>统计截至 {when}。客户电话和姓名已隐藏部分内容。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Overdue (closed late or open past due)</source>
        <translation>已超时（超时结案或超时未结案）</translation>
    </message>
    <message>
        <source>Closed in the month</source>
        <translation>本月结案</translation>
    </message>
    <message>
        <source>Median time to close</source>
        <translation>结案用时中位数</translation>
    </message>
    <message>
        <source>Closed within 24 h / 24–72 h / later</source>
        <translation>结案用时：24 小时内 / 24–72 小时 / 更久</translation>
    </message>
    <message>
        <source>Compensation paid</source>
        <translation>已付赔偿金额</translation>
    </message>
    <message>
        <source>No complaints were received this month.</source>
        <translation>本月没有受理投诉。</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By courier</source>
        <translation>按业务员</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月趋势</translation>
    </message>
    <message>
        <source>Repeat complainants</source>
        <translation>重复投诉人</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>Waybills complained about more than once</source>
        <translation>被多次投诉的运单</translation>
    </message>
    <message>
        <source>Recipient / phone</source>
        <translation>收件人 / 电话</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>To check: {names}</source>
        <translation>待核对：{names}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <source>{count} parcel(s) ({kinds})</source>
        <translation>共 {count} 票（{kinds}）</translation>
    </message>
    <message>
        <source>List: {file}</source>
        <translation>清单：{file}</translation>
    </message>
    <message>
        <source>Unmatched parcels</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {sheets}</source>
        <translation>第 {sheet} 张 / 共 {sheets} 张</translation>
    </message>
    <message>
        <source>No courier was found for these parcels. Check each address, write the courier's name under Result and pass the parcel on.</source>
        <translation>以下件未找到业务员。请逐票核对地址，在“处理结果”栏写上业务员姓名后转交。</translation>
    </message>
    <message>
        <source>Handle each parcel today: tick its box, write what was done under Result, then sign below and hand this slip back to the office.</source>
        <translation>请当天逐票处理：处理完打勾，在“处理结果”栏写明结果，签字后交回网点。</translation>
    </message>
    <message>
        <source>Courier's signature</source>
        <translation>业务员签字</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核对人签字</translation>
    </message>
    <message>
        <source>Handed back on</source>
        <translation>交回日期</translation>
    </message>
    <message>
        <source>There are no problem parcels to print.</source>
        <translation>没有可打印的问题件。</translation>
    </message>
    <message>
        <source>Problem-parcel slips</source>
        <translation>问题件提醒单</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The month's analysis as an Excel workbook</source>
        <translation>把本月分析导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Export the month's complaints…</source>
        <translation>导出本月投诉明细…</translation>
    </message>
    <message>
        <source>Every complaint received this month, one row each</source>
        <translation>本月受理的全部投诉，每条一行</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印月报…</translation>
    </message>
    <message>
        <source>The month's analysis as an A4 PDF (Ctrl+P)</source>
        <translation>把本月分析生成 A4 PDF（Ctrl+P）</translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>完整电话号码</translation>
    </message>
    <message>
        <source>Phones are masked (138****1234) in exports unless this is ticked; keep an unmasked file inside the branch.</source>
        <translation>不勾选时，导出文件中的电话已隐藏部分号码（138****1234）；含完整号码的文件请只在网点内部保存。</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿金额</translation>
    </message>
    <message>
        <source>Cannot count the complaints</source>
        <translation>无法统计投诉</translation>
    </message>
    <message>
        <source>Repeat complainants ({n}): same phone, 2+ complaints</source>
        <translation>重复投诉人（{n}）：同一电话投诉 2 次及以上</translation>
    </message>
    <message>
        <source>Repeat waybills ({n}): 2+ complaints, merged included</source>
        <translation>重复投诉运单（{n}）：被投诉 2 次及以上，含已合并的投诉</translation>
    </message>
    <message>
        <source>No complaints this month: none was received or closed in {month}. Choose another month above.</source>
        <translation>本月没有投诉：{month} 没有受理或结案的投诉。请在上方选择其他月份。</translation>
    </message>
    <message>
        <source>{n} still open</source>
        <translation>{n} 条未结案</translation>
    </message>
    <message>
        <source>closed in {month}, whenever received</source>
        <translation>{month} 结案的投诉（不论何时受理）</translation>
    </message>
    <message>
        <source>nothing received this month</source>
        <translation>本月没有受理投诉</translation>
    </message>
    <message>
        <source>{n} of {total} received missed the deadline</source>
        <translation>受理 {total} 条，其中 {n} 条超时</translation>
    </message>
    <message>
        <source>nothing closed this month</source>
        <translation>本月没有结案</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>mean {mean} h · ≤{fast} h: {a} · {fast}–{slow} h: {b} · &gt;{slow} h: {c}</source>
        <translation>平均 {mean} 小时 · ≤{fast} 小时：{a} · {fast}–{slow} 小时：{b} · &gt;{slow} 小时：{c}</translation>
    </message>
    <message>
        <source>paid on complaints closed this month</source>
        <translation>本月结案投诉的赔偿合计</translation>
    </message>
    <message>
        <source>{n} others</source>
        <translation>其余 {n} 人</translation>
    </message>
    <message>
        <source>Last 12 months ({first} – {last})</source>
        <translation>近 12 个月趋势（{first} – {last}）</translation>
    </message>
    <message>
        <source>Export the month's analysis</source>
        <translation>导出本月分析</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Wrote the analysis of {month} to {path}</source>
        <translation>已将 {month} 的分析写入 {path}</translation>
    </message>
    <message>
        <source>Export the month's complaints</source>
        <translation>导出本月投诉明细</translation>
    </message>
    <message>
        <source>Wrote {count} complaint(s) of {month} to {path}</source>
        <translation>已将 {month} 的 {count} 条投诉写入 {path}</translation>
    </message>
    <message>
        <source>Complaint categories and reply scripts</source>
        <translation>投诉分类和回复话术</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Add sub-category</source>
        <translation>添加子分类</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>A new complaint of this category is due this many hours later</source>
        <translation>该分类的新投诉须在受理后多少小时内处理完</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Category name</source>
        <translation>分类名称</translation>
    </message>
    <message>
        <source>New script</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <source>Delete script</source>
        <translation>删除话术</translation>
    </message>
    <message>
        <source>e.g. 标准回复, 客户情绪激动时</source>
        <translation>例如：标准回复、客户情绪激动时</translation>
    </message>
    <message>
        <source>{客户称呼}您好，您的快件 {运单号} 已安排业务员 {业务员}（电话 {业务员电话}）…</source>
        <translation>{客户称呼}您好，您的快件 {运单号} 已安排业务员 {业务员}（电话 {业务员电话}）…</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>保存话术</translation>
    </message>
    <message>
        <source>Reply scripts</source>
        <translation>回复话术</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Insert a fact (unknown facts stay as a blank to fill):</source>
        <translation>插入信息（查不到的信息会留空，待手动填写）：</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Name of the new sub-category of “{parent}”:</source>
        <translation>“{parent}”下新子分类的名称：</translation>
    </message>
    <message>
        <source>Name of the new category:</source>
        <translation>新分类的名称：</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Delete a category</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <source>Delete the category “{name}” and its reply scripts?</source>
        <translation>删除分类“{name}”及其回复话术？</translation>
    </message>
    <message>
        <source>(new script)</source>
        <translation>（新话术）</translation>
    </message>
    <message>
        <source>Delete a script</source>
        <translation>删除话术</translation>
    </message>
    <message>
        <source>Delete the reply script “{title}”?</source>
        <translation>删除回复话术“{title}”？</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <source>Copy the reply to the clipboard (Ctrl+Shift+C)</source>
        <translation>把回复复制到剪贴板（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>What was said or sent to the customer</source>
        <translation>对客户说的话或发给客户的内容</translation>
    </message>
    <message>
        <source>Reply script</source>
        <translation>回复话术</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>已回复内容</translation>
    </message>
    <message>
        <source>Choose a category to see its reply script.</source>
        <translation>选择分类后即可看到对应的回复话术。</translation>
    </message>
    <message>
        <source>Fill in before sending: {names}</source>
        <translation>发送前请补全：{names}</translation>
    </message>
    <message>
        <source>Every fact is filled in.</source>
        <translation>信息已全部填好。</translation>
    </message>
    <message>
        <source>A customer must not hear: {phrases}</source>
        <translation>含有禁用语，不能对客户说：{phrases}</translation>
    </message>
    <message>
        <source>Scan or type; the courier is filled in</source>
        <translation>扫描或输入运单号，自动带出业务员</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>请选择分类</translation>
    </message>
    <message>
        <source>HQ work-order number, if any</source>
        <translation>总部工单号（如有）</translation>
    </message>
    <message>
        <source>What the customer says, in a sentence or two</source>
        <translation>客户反映的问题，一两句话即可</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>HQ order no.</source>
        <translation>总部工单号</translation>
    </message>
    <message>
        <source>Found in the waybill list</source>
        <translation>已在运单列表中找到</translation>
    </message>
    <message>
        <source>Not in the waybill list; courier from the area table</source>
        <translation>运单列表中没有该运单；业务员按派件区域表匹配</translation>
    </message>
    <message>
        <source>Courier from the area table</source>
        <translation>业务员按派件区域表匹配</translation>
    </message>
    <message>
        <source>Not in the waybill list; enter the address to find the courier</source>
        <translation>运单列表中没有该运单；请输入地址查找业务员</translation>
    </message>
    <message>
        <source>No courier found for this address</source>
        <translation>该地址未找到业务员</translation>
    </message>
    <message>
        <source>{category}: {hours} h after it was received ({received})</source>
        <translation>{category}：受理（{received}）后 {hours} 小时</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the complaint (Ctrl+Enter or Ctrl+S)</source>
        <translation>保存投诉（Ctrl+Enter 或 Ctrl+S）</translation>
    </message>
    <message>
        <source>Enter: next field · Ctrl+Enter: save · Ctrl+Shift+C: copy reply</source>
        <translation>Enter：下一项 · Ctrl+Enter：保存 · Ctrl+Shift+C：复制回复</translation>
    </message>
    <message>
        <source>Waybill {number} already has an open complaint: {tickets}</source>
        <translation>运单 {number} 已有未结案的投诉：{tickets}</translation>
    </message>
    <message>
        <source>Merge into {ticket}</source>
        <translation>合并到 {ticket}</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Discard this complaint? What you typed is not saved.</source>
        <translation>放弃这条投诉吗？已输入的内容不会保存。</translation>
    </message>
    <message>
        <source>The complaint was not saved</source>
        <translation>投诉未保存</translation>
    </message>
    <message>
        <source>Choose a category: it sets the deadline and the script.</source>
        <translation>请选择分类：处理时限和回复话术都由分类决定。</translation>
    </message>
    <message>
        <source>A phrase to avoid</source>
        <translation>禁用语</translation>
    </message>
    <message>
        <source>The reply contains {phrases}, which a customer must not hear. Save it anyway?</source>
        <translation>回复中含有禁用语 {phrases}，不能对客户说。仍要保存吗？</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>e.g. 已联系客户，业务员当天补派，客户满意</source>
        <translation>例如：已联系客户，业务员当天补派，客户满意</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Enter 0 when no compensation was paid.</source>
        <translation>没有赔偿请填 0。</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重开</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Note for the history (optional), e.g. whom you called</source>
        <translation>处理记录备注（可不填），例如联系了谁</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Complaint {ticket}</source>
        <translation>投诉 {ticket}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Received {time}</source>
        <translation>受理时间 {time}</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>处理时限 {time}</translation>
    </message>
    <message>
        <source>closed {time}</source>
        <translation>结案时间 {time}</translation>
    </message>
    <message>
        <source>logged by {agent}</source>
        <translation>登记人 {agent}</translation>
    </message>
    <message>
        <source>Merged into {ticket} ({status}). This complaint is kept with its history but is followed there.</source>
        <translation>已合并到 {ticket}（{status}）。本投诉及其处理记录仍保留，后续请在 {ticket} 中跟进。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重开</translation>
    </message>
    <message>
        <source>Status becomes “{status}”</source>
        <translation>状态改为“{status}”</translation>
    </message>
    <message>
        <source>The changes were not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>The status was not changed</source>
        <translation>状态未更改</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>overdue {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余 {span}</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Show the due queue</source>
        <translation>查看到期提醒</translation>
    </message>
    <message>
        <source>Ticket, HQ order, waybill, phone, customer or courier  (Ctrl+F)</source>
        <translation>搜索登记号、总部工单号、运单号、电话、客户或业务员（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Merged too</source>
        <translation>含已合并</translation>
    </message>
    <message>
        <source>Also list complaints that were merged into another one</source>
        <translation>同时列出已合并到其他投诉的记录</translation>
    </message>
    <message>
        <source>Open the selected complaint (Enter or double-click)</source>
        <translation>打开选中的投诉（Enter 或双击）</translation>
    </message>
    <message>
        <source>Categories &amp;&amp; scripts…</source>
        <translation>分类和话术…</translation>
    </message>
    <message>
        <source>All couriers</source>
        <translation>全部业务员</translation>
    </message>
    <message>
        <source>{count} complaint(s)</source>
        <translation>共 {count} 条投诉</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>已超时 {count} 条</translation>
    </message>
    <message>
        <source>{count} due within {hours} h</source>
        <translation>{hours} 小时内到期 {count} 条</translation>
    </message>
    <message>
        <source>Due ({count})</source>
        <translation>到期提醒（{count}）</translation>
    </message>
    <message>
        <source>Logged {ticket} and merged it into the complaint already open.</source>
        <translation>已登记 {ticket}，并合并到已有的未结案投诉。</translation>
    </message>
    <message>
        <source>Logged {ticket}, due {due}.</source>
        <translation>已登记 {ticket}，处理时限 {due}。</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>投诉分析</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>投诉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Due queue</source>
        <translation>到期提醒(&amp;D)</translation>
    </message>
    <message>
        <source>Problem-parcel &amp;slips…</source>
        <translation>问题件提醒单(&amp;S)…</translation>
    </message>
    <message>
        <source>Open the due queue of complaints</source>
        <translation>打开投诉到期提醒</translation>
    </message>
    <message>
        <source>{overdue} overdue · {soon} due within {hours} h</source>
        <translation>已超时 {overdue} · {hours} 小时内到期 {soon}</translation>
    </message>
    <message>
        <source>{ticket} is overdue (due {due}){who}</source>
        <translation>{ticket} 已超时（处理时限 {due}）{who}</translation>
    </message>
    <message>
        <source>{ticket} is due at {due}{who}</source>
        <translation>{ticket} 将于 {due} 到期{who}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 条</translation>
    </message>
    <message>
        <source>Complaints falling due</source>
        <translation>投诉即将到期</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>The HQ's list of problem parcels (Excel or CSV)</source>
        <translation>总部推送的问题件清单（Excel 或 CSV）</translation>
    </message>
    <message>
        <source>Skip invalid rows</source>
        <translation>跳过有问题的行</translation>
    </message>
    <message>
        <source>Show full phone numbers</source>
        <translation>显示完整电话</translation>
    </message>
    <message>
        <source>Customers' names and phones are masked on the slips unless this is ticked.</source>
        <translation>不勾选时，提醒单上的客户姓名和电话会隐藏部分内容。</translation>
    </message>
    <message>
        <source>Problems in the list</source>
        <translation>清单中的问题</translation>
    </message>
    <message>
        <source>Choose the HQ's problem-parcel list.</source>
        <translation>请选择总部的问题件清单。</translation>
    </message>
    <message>
        <source>Reading {file} and finding each parcel's courier…</source>
        <translation>正在读取 {file} 并为每票件匹配业务员…</translation>
    </message>
    <message>
        <source>{count} repeated waybill(s) merged.</source>
        <translation>{count} 个重复运单号已合并。</translation>
    </message>
    <message>
        <source>{count} row(s) have problems (listed below): nothing is printed. Correct the file and open it again, or tick “Skip invalid rows”.</source>
        <translation>{count} 行有问题（见下方）：不打印。请修改文件后重新打开，或勾选“跳过有问题的行”。</translation>
    </message>
    <message>
        <source>{count} invalid row(s) skipped.</source>
        <translation>已跳过 {count} 行有问题的数据。</translation>
    </message>
    <message>
        <source>Problem-parcel slips {date}.pdf</source>
        <translation>问题件提醒单-{date}.pdf</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Awaiting call-back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Start processing</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Await call-back</source>
        <translation>转待回访</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>courier's name</source>
        <translation>业务员姓名</translation>
    </message>
    <message>
        <source>courier's phone</source>
        <translation>业务员电话</translation>
    </message>
    <message>
        <source>expected delivery / arrival</source>
        <translation>预计送达/到达时间</translation>
    </message>
    <message>
        <source>how to address the customer (e.g. 张先生/女士)</source>
        <translation>对客户的称呼（例如 张先生/女士）</translation>
    </message>
    <message>
        <source>branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>pickup station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>delivery address</source>
        <translation>收件地址</translation>
    </message>
    <message>
        <source>ticket number</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>recorded as “who” in complaint histories</source>
        <translation>投诉处理记录中记为“操作人”</translation>
    </message>
    <message>
        <source> h before the deadline</source>
        <translation> 小时（处理时限前）</translation>
    </message>
    <message>
        <source>one phrase a line</source>
        <translation>每行一条禁用语</translation>
    </message>
    <message>
        <source>Complaints show as due</source>
        <translation>投诉到期提醒</translation>
    </message>
    <message>
        <source>Banned phrases in replies</source>
        <translation>回复禁用语</translation>
    </message>
    <message>
        <source>Not yet closed</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>The script uses {names}, which BranchDesk cannot fill. Use one of: {known}</source>
        <translation>话术中用到了 {names}，系统无法自动填写。请使用以下占位符之一：{known}</translation>
    </message>
    <message>
        <source>This complaint was merged into another one; change that one instead.</source>
        <translation>此投诉已合并到另一条投诉，请修改那一条。</translation>
    </message>
    <message>
        <source>The deadline of a closed complaint stays as it was; reopen it to change it.</source>
        <translation>已结案投诉的处理时限不能修改；如需修改，请先重开。</translation>
    </message>
    <message>
        <source>resolution: {resolution}; compensation {yuan} 元</source>
        <translation>处理结果：{resolution}；赔偿 {yuan} 元</translation>
    </message>
    <message>
        <source>new deadline {due}</source>
        <translation>新的处理时限 {due}</translation>
    </message>
    <message>
        <source>{ticket} is closed: reopen it first, or follow this complaint on its own.</source>
        <translation>{ticket} 已结案：请先重开，或单独跟进这条投诉。</translation>
    </message>
    <message>
        <source>Two couriers share this address ({names}): enter the right one</source>
        <translation>该地址由两名业务员共同负责（{names}）：请填写正确的业务员</translation>
    </message>
    <message>
        <source>{count} complaint(s) of this import have been worked on since; undoing it would lose that work. Close them (or merge them) instead.</source>
        <translation>此次导入的投诉中已有 {count} 条被处理过；撤销导入会丢失这些处理记录。请改为结案（或合并）这些投诉。</translation>
    </message>
    <message>
        <source>Say which guide: print guide ID_OR_TITLE -o OUT.pdf</source>
        <translation>请指定操作指南：print guide 编号或标题 -o 输出.pdf</translation>
    </message>
    <message>
        <source>No guides yet.</source>
        <translation>还没有操作指南。</translation>
    </message>
    <message>
        <source>(sample)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <source>{steps} step(s), version {version}</source>
        <translation>{steps} 步，版本 {version}</translation>
    </message>
    <message>
        <source>Wrote the guide pack {path} ({images} image(s)).</source>
        <translation>已写入指南包 {path}（{images} 张图片）。</translation>
    </message>
    <message>
        <source>Imported the guide “{title}” (id {id}).</source>
        <translation>已导入指南“{title}”（编号 {id}）。</translation>
    </message>
    <message>
        <source>Annotation {number}: {problem}</source>
        <translation>第 {number} 个标注：{problem}</translation>
    </message>
    <message>
        <source>{field} is not a number.</source>
        <translation>{field} 不是数字。</translation>
    </message>
    <message>
        <source>{field} = {value} is outside the image (allowed {low} to {high}).</source>
        <translation>{field} = {value} 超出图片范围（允许 {low} 到 {high}）。</translation>
    </message>
    <message>
        <source>unknown field “{field}”.</source>
        <translation>未知字段“{field}”。</translation>
    </message>
    <message>
        <source>unknown kind “{kind}” (known: {kinds}).</source>
        <translation>未知类型“{kind}”（可用类型：{kinds}）。</translation>
    </message>
    <message>
        <source>the position (x, y) is missing.</source>
        <translation>缺少位置 (x, y)。</translation>
    </message>
    <message>
        <source>the label is not text.</source>
        <translation>标注文字不是文本。</translation>
    </message>
    <message>
        <source>the label is longer than {limit} characters.</source>
        <translation>标注文字超过 {limit} 个字。</translation>
    </message>
    <message>
        <source>the colour “{color}” is not of the form #RRGGBB.</source>
        <translation>颜色“{color}”不是 #RRGGBB 格式。</translation>
    </message>
    <message>
        <source>A step can have at most {limit} annotations.</source>
        <translation>每个步骤最多 {limit} 个标注。</translation>
    </message>
    <message>
        <source>The annotations are not valid JSON: {error}</source>
        <translation>标注不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>The annotations must be a list of objects.</source>
        <translation>标注必须是对象列表。</translation>
    </message>
    <message>
        <source>The image is damaged or not a picture BranchDesk can read. Use a PNG, JPEG, BMP, GIF or WebP file, or take the screenshot again.</source>
        <translation>图片已损坏，或不是网点服务台能读取的图片。请使用 PNG、JPEG、BMP、GIF 或 WebP 文件，或重新截图。</translation>
    </message>
    <message>
        <source>The image is too large ({size} pixels; at most {limit}×{limit}). Make it smaller or capture only the part of the screen the step is about.</source>
        <translation>图片太大（{size} 像素；最大 {limit}×{limit}）。请缩小图片，或只截取与该步骤相关的屏幕区域。</translation>
    </message>
    <message>
        <source>{format} images are not supported. Save the picture as PNG or JPEG and add it again.</source>
        <translation>不支持 {format} 格式的图片。请将图片另存为 PNG 或 JPEG 后重新添加。</translation>
    </message>
    <message>
        <source>Cannot import the guide pack {file}: {problem} Nothing was imported.</source>
        <translation>无法导入指南包 {file}，未导入任何内容：{problem}</translation>
    </message>
    <message>
        <source>it is damaged ({error}).</source>
        <translation type="vanished">文件已损坏（{error}）。</translation>
    </message>
    <message>
        <source>it is encrypted; export it again without a password.</source>
        <translation>文件已加密；请重新导出，不要设置密码。</translation>
    </message>
    <message>
        <source>“{field}” in guide.json is missing or not text.</source>
        <translation>guide.json 中的“{field}”缺失或不是文本。</translation>
    </message>
    <message>
        <source>“{field}” in guide.json is missing or not a list.</source>
        <translation>guide.json 中的“{field}”缺失或不是列表。</translation>
    </message>
    <message>
        <source>step {n} in guide.json is not valid.</source>
        <translation>guide.json 中的第 {n} 步无效。</translation>
    </message>
    <message>
        <source>step {n} has no instruction.</source>
        <translation>第 {n} 步没有操作说明。</translation>
    </message>
    <message>
        <source>the tip of step {n} is not valid.</source>
        <translation>第 {n} 步的提示无效。</translation>
    </message>
    <message>
        <source>step {n} names its image wrongly ({name}).</source>
        <translation>第 {n} 步的图片名称有误（{name}）。</translation>
    </message>
    <message>
        <source>a list is expected</source>
        <translation>此处应为列表</translation>
    </message>
    <message>
        <source>the annotations of step {n} are not valid: {error}</source>
        <translation>第 {n} 步的标注无效：{error}</translation>
    </message>
    <message>
        <source>{file} is not a BranchDesk guide pack: it is not a .zip file, or it is damaged. Nothing was imported.</source>
        <translation>{file} 不是网点服务台的指南包：它不是 .zip 文件，或已损坏。未导入任何内容。</translation>
    </message>
    <message>
        <source>Cannot read the guide pack {path}: {error}</source>
        <translation>无法读取指南包 {path}：{error}</translation>
    </message>
    <message>
        <source>it holds too many files ({count}).</source>
        <translation>包内文件过多（{count} 个）。</translation>
    </message>
    <message>
        <source>it holds a file with an unsafe name ({name}).</source>
        <translation>包内有名称不安全的文件（{name}）。</translation>
    </message>
    <message>
        <source>it holds {name} twice.</source>
        <translation>包内有两个 {name}。</translation>
    </message>
    <message>
        <source>{name} is too large ({size} MB; at most {limit} MB).</source>
        <translation>{name} 太大（{size} MB；最大 {limit} MB）。</translation>
    </message>
    <message>
        <source>its contents are too large ({size} MB in all; at most {limit} MB).</source>
        <translation>包内容太大（共 {size} MB；最大 {limit} MB）。</translation>
    </message>
    <message>
        <source>it holds no guide.json, so it is not a guide pack made by BranchDesk.</source>
        <translation>包内没有 guide.json，不是网点服务台导出的指南包。</translation>
    </message>
    <message>
        <source>guide.json is not valid JSON ({error}).</source>
        <translation>guide.json 不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>it is not a BranchDesk guide pack (format “{name}”).</source>
        <translation>不是网点服务台的指南包（格式为“{name}”）。</translation>
    </message>
    <message>
        <source>its format version ({version}) is not valid.</source>
        <translation>格式版本（{version}）无效。</translation>
    </message>
    <message>
        <source>it was made by a newer BranchDesk (pack format {version}; this one reads up to {supported}). Update this BranchDesk, then import the pack again.</source>
        <translation>该指南包由更新版本的网点服务台导出（指南包格式 {version}；当前版本最高只能读取 {supported}）。请先升级网点服务台，再重新导入。</translation>
    </message>
    <message>
        <source>“{field}” in guide.json is missing or not valid.</source>
        <translation>guide.json 中的“{field}”缺失或无效。</translation>
    </message>
    <message>
        <source>its title is longer than {n} characters.</source>
        <translation type="vanished">标题超过 {n} 个字。</translation>
    </message>
    <message>
        <source>its category name is longer than {n} characters.</source>
        <translation type="vanished">分类名称超过 {n} 个字。</translation>
    </message>
    <message>
        <source>the image of step {n} ({name}) is missing from the pack.</source>
        <translation>包内缺少第 {n} 步的图片（{name}）。</translation>
    </message>
    <message>
        <source>the image {name} is damaged: its content does not match its name.</source>
        <translation>图片 {name} 已损坏：内容与文件名不符。</translation>
    </message>
    <message>
        <source>the image of step {n} cannot be used: {error}</source>
        <translation>第 {n} 步的图片无法使用：{error}</translation>
    </message>
    <message>
        <source>imported from {file}</source>
        <translation>从 {file} 导入</translation>
    </message>
    <message>
        <source>The sample guides are already loaded. Delete them in 操作指南 first.</source>
        <translation>示例指南已加载。请先在“操作指南”页删除它们。</translation>
    </message>
    <message>
        <source>sample guide</source>
        <translation>示例指南</translation>
    </message>
    <message>
        <source>Loaded {count} sample guides ({steps} steps). They are examples: write your branch's own guides to the HQ system under 操作指南.</source>
        <translation>已加载 {count} 个示例指南（共 {steps} 步）。这些只是示例：请在“操作指南”页编写本网点自己的总部系统操作指南。</translation>
    </message>
    <message>
        <source>“{name}” holds {count} guide(s); move them to another category first.</source>
        <translation>“{name}”下还有 {count} 个指南，请先移到其他分类。</translation>
    </message>
    <message>
        <source>There is no guide category “{name}”.</source>
        <translation>没有“{name}”这个指南分类。</translation>
    </message>
    <message>
        <source>An image of this guide is missing from the database.</source>
        <translation>数据库中缺少该指南的一张图片。</translation>
    </message>
    <message>
        <source>This guide no longer exists.</source>
        <translation>该指南已不存在。</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>This guide was changed elsewhere (now version {now}) since you opened version {mine}. Close it and open it again.</source>
        <translation>您打开的是版本 {mine}，之后该指南已在别处被修改（现为版本 {now}）。请关闭后重新打开。</translation>
    </message>
    <message>
        <source>A guide needs a title.</source>
        <translation>指南标题不能为空。</translation>
    </message>
    <message>
        <source>A guide title is at most {n} characters.</source>
        <translation>指南标题最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Step {n} has no instruction. Write what to do.</source>
        <translation>第 {n} 步没有操作说明。请写明要做什么。</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Say what is outdated, so the owner can correct it.</source>
        <translation>请说明哪里过时了，以便负责人修正。</translation>
    </message>
    <message>
        <source>This guide has no step {n}.</source>
        <translation>该指南没有第 {n} 步。</translation>
    </message>
    <message>
        <source>This note no longer exists.</source>
        <translation>该反馈已不存在。</translation>
    </message>
    <message>
        <source>Version {version} of this guide does not exist.</source>
        <translation>该指南没有版本 {version}。</translation>
    </message>
    <message>
        <source>restored version {v}</source>
        <translation>恢复到版本 {v}</translation>
    </message>
    <message>
        <source>This step's image is damaged and cannot be printed. Replace it in the editor.</source>
        <translation>此步骤的截图已损坏，无法打印。请在编辑器中替换。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date}（已超期）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>最近复核</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>复核期限</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤数</translation>
    </message>
    <message>
        <source>Sample guide</source>
        <translation>示例指南</translation>
    </message>
    <message>
        <source>This guide is an example made from BranchDesk's own screens. Write your branch's own guides the same way: one action per step, each with a screenshot.</source>
        <translation>本指南是用网点服务台自己的界面制作的示例。请按同样的方式编写本网点自己的指南：每步一个操作，每步配一张截图。</translation>
    </message>
    <message>
        <source>This guide has no steps yet.</source>
        <translation>该指南还没有步骤。</translation>
    </message>
    <message>
        <source>Text label</source>
        <translation>文字标注</translation>
    </message>
    <message>
        <source>Text shown on the picture:</source>
        <translation>显示在截图上的文字：</translation>
    </message>
    <message>
        <source>No picture yet.</source>
        <translation>还没有截图。</translation>
    </message>
    <message>
        <source>Add a numbered marker</source>
        <translation>添加序号</translation>
    </message>
    <message>
        <source>Add a text label</source>
        <translation>添加文字</translation>
    </message>
    <message>
        <source>Move a mark</source>
        <translation>移动标注</translation>
    </message>
    <message>
        <source>Add a highlight</source>
        <translation>添加高亮框</translation>
    </message>
    <message>
        <source>Add an arrow</source>
        <translation>添加箭头</translation>
    </message>
    <message>
        <source>Add a blur box</source>
        <translation>添加打码区域</translation>
    </message>
    <message>
        <source>Change a label</source>
        <translation>修改文字</translation>
    </message>
    <message>
        <source>Delete a mark</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Delete step {n}</source>
        <translation>删除第 {n} 步</translation>
    </message>
    <message>
        <source>Move step {a} to {b}</source>
        <translation>将第 {a} 步移到第 {b} 步</translation>
    </message>
    <message>
        <source>Set the picture</source>
        <translation>设置截图</translation>
    </message>
    <message>
        <source>Remove the picture</source>
        <translation>移除截图</translation>
    </message>
    <message>
        <source>Who keeps this guide up to date</source>
        <translation>负责更新本指南的人</translation>
    </message>
    <message>
        <source>What the guide is for, in one or two lines</source>
        <translation>本指南的用途，一两句话即可</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Move the step up (Alt+Up)</source>
        <translation>步骤上移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move the step down (Alt+Down)</source>
        <translation>步骤下移（Alt+Down）</translation>
    </message>
    <message>
        <source>Steps (drag to reorder)</source>
        <translation>步骤（拖动可调整顺序）</translation>
    </message>
    <message>
        <source>One action, e.g. “Click 导入 at the top right and choose today's file.”</source>
        <translation>每步一个操作，例如“点击右上角的‘导入’，选择当天的文件。”</translation>
    </message>
    <message>
        <source>Optional: a tip, or a warning about a common mistake</source>
        <translation>可不填：提示，或常见错误的注意事项</translation>
    </message>
    <message>
        <source>Paste picture</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <source>Open picture…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>Capture screen</source>
        <translation>截屏</translation>
    </message>
    <message>
        <source>Whole screen</source>
        <translation>整个屏幕</translation>
    </message>
    <message>
        <source>Drag a region…</source>
        <translation>选定区域…</translation>
    </message>
    <message>
        <source>Time to open a menu before the screen is captured</source>
        <translation>截屏前留出打开菜单的时间</translation>
    </message>
    <message>
        <source>No delay</source>
        <translation>不延时</translation>
    </message>
    <message>
        <source>After {s} s</source>
        <translation>延时 {s} 秒</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>移除截图</translation>
    </message>
    <message>
        <source>No picture yet. Paste a screenshot (Ctrl+V), open a picture file or capture the screen.</source>
        <translation>还没有截图。请粘贴截图（Ctrl+V）、打开图片文件或截屏。</translation>
    </message>
    <message>
        <source>Select / move</source>
        <translation>选择/移动</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮框</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Blur (customer data)</source>
        <translation>打码（客户信息）</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Delete the selected mark (Del)</source>
        <translation>删除选中的标注（Del）</translation>
    </message>
    <message>
        <source>Marks are drawn over the picture and stay editable; blur boxes hide customer data when printed and shown.</source>
        <translation>标注画在截图上方，随时可以修改；打码区域在打印和查看时会遮住客户信息。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>无截图</translation>
    </message>
    <message>
        <source>(write what to do)</source>
        <translation>（写明要做什么）</translation>
    </message>
    <message>
        <source>No steps yet: press “Add step” (Ctrl+N) or paste a screenshot.</source>
        <translation>还没有步骤：请点击“添加步骤”（Ctrl+N）或粘贴截图。</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>第 {n} 步 / 共 {total} 步</translation>
    </message>
    <message>
        <source>This step's picture cannot be shown (missing or damaged). Add it again.</source>
        <translation>无法显示此步骤的截图（缺失或已损坏）。请重新添加。</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Cannot use this picture</source>
        <translation>无法使用这张图片</translation>
    </message>
    <message>
        <source>{source}: {problem}</source>
        <translation>{source}：{problem}</translation>
    </message>
    <message>
        <source>Add a step with a picture</source>
        <translation>添加带截图的步骤</translation>
    </message>
    <message>
        <source>Picture added ({w}×{h}).</source>
        <translation>已添加截图（{w}×{h}）。</translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Take a screenshot (PrtSc, or Win+Shift+S for a part of the screen), or copy a picture file, then press Ctrl+V here.</source>
        <translation>剪贴板中没有图片。请先截图（按 PrtSc，或按 Win+Shift+S 截取部分屏幕），或复制一个图片文件，然后在这里按 Ctrl+V。</translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片文件 ({patterns})</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>Nothing was captured.</source>
        <translation>未截取到任何内容。</translation>
    </message>
    <message>
        <source>Screen capture</source>
        <translation>截屏</translation>
    </message>
    <message>
        <source>Edit the title</source>
        <translation>修改标题</translation>
    </message>
    <message>
        <source>Change the category</source>
        <translation>更改分类</translation>
    </message>
    <message>
        <source>Change the owner</source>
        <translation>更改负责人</translation>
    </message>
    <message>
        <source>Edit the summary</source>
        <translation>修改简介</translation>
    </message>
    <message>
        <source>Edit step {n}</source>
        <translation>修改第 {n} 步</translation>
    </message>
    <message>
        <source>Edit the tip of step {n}</source>
        <translation>修改第 {n} 步的提示</translation>
    </message>
    <message>
        <source>Change the tip of step {n}</source>
        <translation>更改第 {n} 步的提示类型</translation>
    </message>
    <message>
        <source>Add step {n}</source>
        <translation>添加第 {n} 步</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Cannot save the guide</source>
        <translation>无法保存指南</translation>
    </message>
    <message>
        <source>Saved as version {v}.</source>
        <translation>已保存为版本 {v}。</translation>
    </message>
    <message>
        <source>Edit guide — {title}</source>
        <translation>编辑指南 — {title}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to “{title}” before closing?</source>
        <translation>关闭前保存对“{title}”的修改吗？</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <source>Left arrow or Page Up</source>
        <translation>左方向键或 Page Up</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>Right arrow, Page Down or Space</source>
        <translation>右方向键、Page Down 或空格键</translation>
    </message>
    <message>
        <source>I did this</source>
        <translation>我已完成</translation>
    </message>
    <message>
        <source>Tick the step when you have done it (Enter)</source>
        <translation>完成这一步后打勾（Enter）</translation>
    </message>
    <message>
        <source>Report outdated step…</source>
        <translation>报告过时步骤…</translation>
    </message>
    <message>
        <source>The HQ system looks different? Tell the guide's owner.</source>
        <translation>总部系统界面变了？告诉指南负责人。</translation>
    </message>
    <message>
        <source>%v of %m done</source>
        <translation>已完成 %v / %m</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>学员清单</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>Tip: {text}</source>
        <translation>提示：{text}</translation>
    </message>
    <message>
        <source>This step's picture cannot be shown (missing or damaged).</source>
        <translation>无法显示此步骤的截图（缺失或已损坏）。</translation>
    </message>
    <message>
        <source>This step has no picture.</source>
        <translation>此步骤没有截图。</translation>
    </message>
    <message>
        <source>Report outdated step</source>
        <translation>报告过时步骤</translation>
    </message>
    <message>
        <source>What is different now in step {n}? (e.g. the button moved, the menu is called something else)</source>
        <translation>第 {n} 步现在有什么不同？（例如按钮位置变了、菜单改了名称）</translation>
    </message>
    <message>
        <source>Cannot send the note</source>
        <translation>无法提交反馈</translation>
    </message>
    <message>
        <source>Thank you. The guide's owner sees your note under “Outdated notes” and will correct step {n}.</source>
        <translation>谢谢！指南负责人会在“过时反馈”中看到您的反馈，并修正第 {n} 步。</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>反馈人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Review due: check the guide against the HQ system</source>
        <translation>已到复核期限：请对照总部系统检查本指南</translation>
    </message>
    <message>
        <source>A sample guide (示例), made from BranchDesk's own screens</source>
        <translation>这是示例指南，用网点服务台自己的界面制作</translation>
    </message>
    <message>
        <source>New guide</source>
        <translation>新建指南</translation>
    </message>
    <message>
        <source>e.g. 导入当天运单</source>
        <translation>例如：导入当天运单</translation>
    </message>
    <message>
        <source>History of “{title}”</source>
        <translation>“{title}”的历史版本</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Restoring saves the old state as a new version; nothing is lost.</source>
        <translation>恢复时会把旧版本另存为一个新版本，不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Bring back version {v} ({when})? The guide as it is now stays in the history.</source>
        <translation>恢复到版本 {v}（{when}）吗？指南当前的内容会保留在历史版本中。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Search titles and step text…  (Ctrl+F)</source>
        <translation>搜索标题和步骤内容…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需要复核</translation>
    </message>
    <message>
        <source>Only guides whose review date has come: check them against the HQ system</source>
        <translation>只显示已到复核期限的指南：请对照总部系统检查</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>导出指南包…</translation>
    </message>
    <message>
        <source>Save the guide as a .zip to share with a branch</source>
        <translation>把指南保存为 .zip 文件，分享给其他网点</translation>
    </message>
    <message>
        <source>Import pack…</source>
        <translation>导入指南包…</translation>
    </message>
    <message>
        <source>Add a guide from another branch's .zip pack</source>
        <translation>从其他网点的 .zip 指南包添加指南</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <source>The guide still matches the HQ system: the next review is due in 6 months</source>
        <translation>指南仍与总部系统一致：下次复核在 6 个月后</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Edit the step</source>
        <translation>编辑该步骤</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>The step is corrected: remove the note</source>
        <translation>步骤已修正：移除这条反馈</translation>
    </message>
    <message>
        <source>Operation guides</source>
        <translation>操作指南</translation>
    </message>
    <message>
        <source>Needs review ({count})</source>
        <translation>需要复核（{count}）</translation>
    </message>
    <message>
        <source>{count} guide(s)</source>
        <translation>共 {count} 个指南</translation>
    </message>
    <message>
        <source>Outdated notes from readers ({count})</source>
        <translation>过时反馈（{count}）</translation>
    </message>
    <message>
        <source>Outdated notes from readers: none</source>
        <translation>过时反馈：无</translation>
    </message>
    <message>
        <source>Delete the category “{name}”?</source>
        <translation>删除分类“{name}”？</translation>
    </message>
    <message>
        <source>Cannot open the guide</source>
        <translation>无法打开指南</translation>
    </message>
    <message>
        <source>Delete guide</source>
        <translation>删除指南</translation>
    </message>
    <message>
        <source>Delete the guide “{title}” with its {steps} step(s) and its history? This cannot be undone; export a pack first to keep a copy.</source>
        <translation>删除指南“{title}”及其 {steps} 个步骤和全部历史版本？此操作无法撤销；如需保留副本，请先导出指南包。</translation>
    </message>
    <message>
        <source>Deleted the guide “{title}”.</source>
        <translation>已删除指南“{title}”。</translation>
    </message>
    <message>
        <source>“{title}” reviewed; the next review is due by {day}.</source>
        <translation>“{title}”已复核；下次复核期限为 {day}。</translation>
    </message>
    <message>
        <source>Print “{title}”</source>
        <translation>打印“{title}”</translation>
    </message>
    <message>
        <source>Export a guide pack</source>
        <translation>导出指南包</translation>
    </message>
    <message>
        <source>Guide pack (*.zip)</source>
        <translation>指南包 (*.zip)</translation>
    </message>
    <message>
        <source>Cannot export the guide</source>
        <translation>无法导出指南</translation>
    </message>
    <message>
        <source>Wrote “{title}” ({steps} step(s), {images} picture(s)) to {path}. Another branch adds it with “Import pack…”.</source>
        <translation>已将“{title}”（{steps} 步，{images} 张截图）写入 {path}。其他网点可用“导入指南包…”添加。</translation>
    </message>
    <message>
        <source>Import a guide pack</source>
        <translation>导入指南包</translation>
    </message>
    <message>
        <source>Cannot import the guide pack</source>
        <translation>无法导入指南包</translation>
    </message>
    <message>
        <source>Imported “{title}” from {file}.</source>
        <translation>已从 {file} 导入“{title}”。</translation>
    </message>
    <message>
        <source>Note on step {n} resolved.</source>
        <translation>第 {n} 步的反馈已处理。</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>操作指南</translation>
    </message>
    <message>
        <source>Drag over the part of the screen to keep. Esc cancels.</source>
        <translation>拖动鼠标框选要截取的屏幕区域。按 Esc 取消。</translation>
    </message>
    <message>
        <source>No guide with the id or title “{key}”. See them with: branchdesk guides list</source>
        <translation>没有编号或标题为“{key}”的操作指南。可用 branchdesk guides list 查看全部指南。</translation>
    </message>
    <message>
        <source>Guide changed elsewhere</source>
        <translation>指南已在别处修改</translation>
    </message>
    <message>
        <source>This guide was saved elsewhere (version {now}) since you opened it. Save your version over it? The other version stays in the history.</source>
        <translation>你打开这份指南后，它已在别处保存（版本 {now}）。要用你的版本覆盖吗？另一个版本会保留在历史版本中。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

BranchDesk keeps running and nothing was saved half-way. If it happens again, note what you did and tell whoever looks after this PC; the details are in the log file:
{path}</source>
        <translation>出现了意外错误：{error}

网点服务台仍在运行，没有保存任何不完整的数据。如果再次出现，请记下刚才的操作，告诉负责这台电脑的人；详细信息在日志文件中：
{path}</translation>
    </message>
    <message>
        <source>Restore replaces the database: add --yes to confirm.</source>
        <translation>恢复会替换数据库：请加上 --yes 确认。</translation>
    </message>
    <message>
        <source>Replace the database with this backup? The current state is backed up first. [y/N] </source>
        <translation>用此备份替换数据库？替换前会先备份当前数据。[y/N] </translation>
    </message>
    <message>
        <source>The state before the restore is saved in {path}</source>
        <translation>恢复前的数据已保存到 {path}</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>已恢复备份 {path}。</translation>
    </message>
    <message>
        <source>Its older schema is upgraded the next time BranchDesk opens it.</source>
        <translation>该备份的数据结构版本较旧，下次打开网点服务台时会自动升级。</translation>
    </message>
    <message>
        <source>No database yet at {path}; nothing to check.</source>
        <translation>{path} 处还没有数据库，无需检查。</translation>
    </message>
    <message>
        <source>{path}: ok ({seconds:.1f} s)</source>
        <translation>{path}：正常（用时 {seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>{path}: PROBLEMS</source>
        <translation>{path}：发现问题</translation>
    </message>
    <message>
        <source>The newest good backup is {path}. To go back to it: branchdesk restore {path}</source>
        <translation type="vanished">最新的完好备份是 {path}。要恢复到该备份，请运行：branchdesk restore {path}</translation>
    </message>
    <message>
        <source>{count} backup(s) in {path}</source>
        <translation>{path} 中有 {count} 份备份</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Removing waybills changes data: add --yes to confirm.</source>
        <translation>删除运单会修改数据：请加上 --yes 确认。</translation>
    </message>
    <message>
        <source>No waybill is dated before {date}. Nothing to remove.</source>
        <translation>没有 {date} 之前的运单，无需删除。</translation>
    </message>
    <message>
        <source>Remove {count} waybill(s) dated before {date}? [y/N] </source>
        <translation>删除 {date} 之前的 {count} 条运单？[y/N] </translation>
    </message>
    <message>
        <source>Removed {count} waybill(s) dated before {date}.</source>
        <translation>已删除 {date} 之前的 {count} 条运单。</translation>
    </message>
    <message>
        <source>Backup: {path}</source>
        <translation>备份：{path}</translation>
    </message>
    <message>
        <source>Taken: {when}  ({size:.1f} MB)</source>
        <translation>备份时间：{when}（{size:.1f} MB）</translation>
    </message>
    <message>
        <source>Schema: {revision}</source>
        <translation>数据结构版本：{revision}</translation>
    </message>
    <message>
        <source>Waybills: {waybills}  area rules: {area_rules}  couriers: {couriers}</source>
        <translation>运单：{waybills}  片区规则：{area_rules}  业务员：{couriers}</translation>
    </message>
    <message>
        <source>Handbook items: {items}  complaints: {complaints}  guides: {guides}</source>
        <translation>手册条目：{items}  投诉：{complaints}  操作指南：{guides}</translation>
    </message>
    <message>
        <source>Last import: {when}</source>
        <translation>最近导入：{when}</translation>
    </message>
    <message>
        <source>Integrity: ok</source>
        <translation>完整性检查：正常</translation>
    </message>
    <message>
        <source>Integrity: PROBLEMS</source>
        <translation>完整性检查：发现问题</translation>
    </message>
    <message>
        <source>Cannot write a backup to {folder}: {error}. Check that the folder (or the USB stick) is still there, can be written to and has free space.</source>
        <translation>无法将备份写入 {folder}：{error}。请确认该文件夹（或U盘）仍然存在、可以写入，并且还有剩余空间。</translation>
    </message>
    <message>
        <source>There is no database to back up at {path}.</source>
        <translation>{path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The database {path} cannot be read for a backup: {error}. Run “branchdesk check”.</source>
        <translation>无法读取数据库 {path} 进行备份：{error}。请运行“branchdesk check”。</translation>
    </message>
    <message>
        <source>The backup copy of {path} failed its check ({problem}); the database itself may be damaged. Run “branchdesk check”.</source>
        <translation>{path} 的备份副本未通过检查（{problem}）；数据库本身可能已损坏。请运行“branchdesk check”。</translation>
    </message>
    <message>
        <source>The file is damaged or not a database: {error}</source>
        <translation>文件已损坏，或不是数据库：{error}</translation>
    </message>
    <message>
        <source>{path} is not a BranchDesk backup; nothing was changed. Choose a file named branchdesk-….sqlite3 from the backups folder or a USB stick.</source>
        <translation>{path} 不是网点服务台的备份，未做任何改动。请从备份文件夹或U盘中选择名为 branchdesk-….sqlite3 的文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer BranchDesk (schema {revision}); nothing was changed. Install the newer BranchDesk to restore it.</source>
        <translation>{path} 由更新版本的网点服务台写入（数据结构版本 {revision}），未做任何改动。请安装新版网点服务台后再恢复。</translation>
    </message>
    <message>
        <source>no BranchDesk schema</source>
        <translation>没有网点服务台的数据结构</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be restored ({problem}); nothing was changed. Choose an older backup.</source>
        <translation>{path} 已损坏，无法恢复（{problem}），未做任何改动。请选择更早的备份。</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose a backup.</source>
        <translation>{path} 是数据库本身，请选择一份备份。</translation>
    </message>
    <message>
        <source>Cannot copy {backup} to {folder}: {error}; nothing was changed.</source>
        <translation>无法将 {backup} 复制到 {folder}：{error}；未做任何改动。</translation>
    </message>
    <message>
        <source>The copy of {backup} failed its check ({problem}); nothing was changed.</source>
        <translation>{backup} 的副本未通过检查（{problem}），未做任何改动。</translation>
    </message>
    <message>
        <source>The database {path} is in use; nothing was changed. Close every BranchDesk window and command, then restore again.</source>
        <translation type="vanished">数据库 {path} 正在使用中，未做任何改动。请关闭所有网点服务台窗口和命令，然后重新恢复。</translation>
    </message>
    <message>
        <source>{path} is not a SQLite database.</source>
        <translation>{path} 不是 SQLite 数据库。</translation>
    </message>
    <message>
        <source>{path} has a damaged header (page size {size}).</source>
        <translation>{path} 的文件头已损坏（页大小 {size}）。</translation>
    </message>
    <message>
        <source>{path} is cut short: {size} of {expected} bytes are there.</source>
        <translation>{path} 不完整：应有 {expected} 字节，实际只有 {size} 字节。</translation>
    </message>
    <message>
        <source>{path} is cut short: {size} bytes is not a whole number of pages.</source>
        <translation>{path} 不完整：{size} 字节不是整页数。</translation>
    </message>
    <message>
        <source>{count} row(s) of {table} refer to missing rows of {parent} (first row id {rowid}).</source>
        <translation>{table} 中有 {count} 行引用了 {parent} 中不存在的行（首行编号 {rowid}）。</translation>
    </message>
    <message>
        <source>The database {path} is damaged or not a database: {error}</source>
        <translation>数据库 {path} 已损坏，或不是数据库：{error}</translation>
    </message>
    <message>
        <source>{path} holds no BranchDesk schema (no revision).</source>
        <translation>{path} 中没有网点服务台的数据结构（无版本号）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer BranchDesk (schema {revision}).</source>
        <translation>{path} 由更新版本的网点服务台写入（数据结构版本 {revision}）。</translation>
    </message>
    <message>
        <source>Give a number of days between 1 and {most}, not {days}.</source>
        <translation>天数应在 1 到 {most} 之间，不能是 {days}。</translation>
    </message>
    <message>
        <source>The branch's data is damaged</source>
        <translation>网点数据已损坏</translation>
    </message>
    <message>
        <source>{problem}

There is no backup to restore. Run “branchdesk check” and ask whoever looks after this PC; do not delete the file.</source>
        <translation>{problem}

没有可用于恢复的备份。请运行“branchdesk check”，并联系负责这台电脑的人；不要删除该文件。</translation>
    </message>
    <message>
        <source>{problem}

Restore the newest good backup ({name})? The damaged file is kept as a backup first.</source>
        <translation type="vanished">{problem}

要恢复最新的完好备份（{name}）吗？损坏的文件会先作为备份保留。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>The database failed its integrity check: {problems}</source>
        <translation>数据库未通过完整性检查：{problems}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. Start BranchDesk again to use it.</source>
        <translation>备份已恢复。请重新启动网点服务台以使用恢复后的数据。</translation>
    </message>
    <message>
        <source>&amp;Remove old waybills…</source>
        <translation>删除旧运单(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove old waybills</source>
        <translation>删除旧运单</translation>
    </message>
    <message>
        <source>Waybills hold customers' names, phones and addresses. Remove those older than this many days:</source>
        <translation>运单含有客户的姓名、电话和地址。删除超过以下天数的运单：</translation>
    </message>
    <message>
        <source>Remove {count} waybill(s) dated before {date}? They cannot be brought back (only from a backup made before).</source>
        <translation>删除 {date} 之前的 {count} 条运单？删除后无法找回（只能从删除前做的备份中恢复）。</translation>
    </message>
    <message>
        <source>Removing old waybills…</source>
        <translation>正在删除旧运单…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopped: {count} waybill(s) dated before {date} were removed.</source>
        <translation>已停止：已删除 {date} 之前的 {count} 条运单。</translation>
    </message>
    <message>
        <source>Removing old waybills failed: {error}</source>
        <translation>删除旧运单失败：{error}</translation>
    </message>
    <message>
        <source>Give the owner PIN with --pin or BRANCHDESK_PIN.</source>
        <translation>请用 --pin 或环境变量 BRANCHDESK_PIN 提供店主密码。</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Complaint category “{name}” added</source>
        <translation>新增投诉分类“{name}”</translation>
    </message>
    <message>
        <source>Complaint category “{name}” changed</source>
        <translation>修改投诉分类“{name}”</translation>
    </message>
    <message>
        <source>Complaint category “{name}” deleted</source>
        <translation>删除投诉分类“{name}”</translation>
    </message>
    <message>
        <source>Reply script “{title}” of “{category}” saved</source>
        <translation>保存“{category}”的回复话术“{title}”</translation>
    </message>
    <message>
        <source>Reply script “{title}” deleted</source>
        <translation>删除回复话术“{title}”</translation>
    </message>
    <message>
        <source>Restored {name} (taken {taken})</source>
        <translation>恢复备份 {name}（备份于 {taken}）</translation>
    </message>
    <message>
        <source>Guide category “{name}” deleted</source>
        <translation>删除指南分类“{name}”</translation>
    </message>
    <message>
        <source>Guide “{title}” deleted</source>
        <translation>删除操作指南“{title}”</translation>
    </message>
    <message>
        <source>Category “{name}” added</source>
        <translation>新增分类“{name}”</translation>
    </message>
    <message>
        <source>Category “{old}” renamed “{new}”</source>
        <translation>分类“{old}”改名为“{new}”</translation>
    </message>
    <message>
        <source>Categories reordered</source>
        <translation>调整分类顺序</translation>
    </message>
    <message>
        <source>Category “{name}” deleted</source>
        <translation>删除分类“{name}”</translation>
    </message>
    <message>
        <source>Category “{name}” brought back</source>
        <translation>恢复分类“{name}”</translation>
    </message>
    <message>
        <source>Item “{cause}” added</source>
        <translation>新增条目“{cause}”</translation>
    </message>
    <message>
        <source>Item “{cause}” changed: {fields}</source>
        <translation>修改条目“{cause}”：{fields}</translation>
    </message>
    <message>
        <source>Item “{cause}” deleted</source>
        <translation>删除条目“{cause}”</translation>
    </message>
    <message>
        <source>Item “{cause}” brought back</source>
        <translation>恢复条目“{cause}”</translation>
    </message>
    <message>
        <source>Item “{cause}” moved</source>
        <translation>移动条目“{cause}”</translation>
    </message>
    <message>
        <source>Import {id} ({file}) undone</source>
        <translation>撤销导入记录 {id}（{file}）</translation>
    </message>
    <message>
        <source>Import of {what} from {file}</source>
        <translation>从 {file} 导入{what}</translation>
    </message>
    <message>
        <source>Handbook changed</source>
        <translation>修改处罚手册</translation>
    </message>
    <message>
        <source>Records deleted</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Owner PIN set</source>
        <translation>设置店主密码</translation>
    </message>
    <message>
        <source>Owner PIN changed</source>
        <translation>更改店主密码</translation>
    </message>
    <message>
        <source>Owner PIN removed</source>
        <translation>取消店主密码</translation>
    </message>
    <message>
        <source>Wrong owner PIN</source>
        <translation>店主密码输错</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>BranchDesk audit log</source>
        <translation>网点服务台操作记录</translation>
    </message>
    <message>
        <source>Changed: {what}</source>
        <translation>修改了：{what}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <translation>密码输错次数太多，请 {time}后再试。</translation>
    </message>
    <message>
        <source>Wrong PIN. Too many wrong attempts: the next try is possible in {time}.</source>
        <translation>密码错误。输错次数太多：{time}后才能再试。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>密码错误，请重新输入。</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>A PIN is {low} to {high} digits (0–9).</source>
        <translation>密码由 {low} 到 {high} 位数字（0–9）组成。</translation>
    </message>
    <message>
        <source>A PIN of one repeated digit is too easy to guess.</source>
        <translation>全是同一个数字的密码太容易被猜到。</translation>
    </message>
    <message>
        <source>Wrong owner PIN ({n} in a row)</source>
        <translation>店主密码输错（连续第 {n} 次）</translation>
    </message>
    <message>
        <source>Only the branch owner may do this ({action}). Ask the owner to unlock it with the owner PIN.</source>
        <translation>只有店主可以{action}。请店主输入店主密码解锁。</translation>
    </message>
    <message>
        <source>edit the penalty handbook</source>
        <translation>修改处罚手册</translation>
    </message>
    <message>
        <source>delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>undo an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>see the audit log</source>
        <translation>查看操作记录</translation>
    </message>
    <message>
        <source>Daily copy</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>Manual backup</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前的备份</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前的备份</translation>
    </message>
    <message>
        <source>Damaged data kept before a restore</source>
        <translation>恢复前保留的损坏数据</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>自选文件</translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation>（已损坏）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up to a folder (a USB stick)</source>
        <translation>备份到文件夹（U盘）</translation>
    </message>
    <message>
        <source>Back up to a folder</source>
        <translation>备份到文件夹</translation>
    </message>
    <message>
        <source>Backing up the branch's data to {folder}…</source>
        <translation>正在把网点数据备份到 {folder}…</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The branch's data is backed up to
{path}

To bring it back later: File ▸ Restore from a backup…, then Choose a file…</source>
        <translation>网点数据已备份到
{path}

以后要恢复：文件 ▸ 从备份恢复…，再点“选择文件…”</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups in {folder}, newest first:</source>
        <translation>{folder} 中的备份（最新的在前）：</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>A backup elsewhere, for example on a USB stick</source>
        <translation>其他位置的备份，例如U盘中的备份</translation>
    </message>
    <message>
        <source>What the backup holds:</source>
        <translation>备份内容：</translation>
    </message>
    <message>
        <source>Restoring replaces all of the branch's data with the backup. The current data is saved as a backup first, then BranchDesk closes.</source>
        <translation>恢复会用备份替换网点的全部数据。替换前会先把当前数据另存为备份，恢复后网点服务台会关闭。</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>There is no backup in this folder yet. Choose a file to restore a backup from elsewhere.</source>
        <translation>这个文件夹里还没有备份。可点“选择文件…”从其他位置恢复。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>BranchDesk backups (*.sqlite3);;All files (*)</source>
        <translation>网点服务台备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace all of the branch's data with the backup taken {when}?
{path}

The current data is saved as a backup first, so this can be undone by restoring that copy. BranchDesk closes after the restore.</source>
        <translation>用 {when} 的备份替换网点的全部数据吗？
{path}

当前数据会先另存为备份，恢复那份备份即可撤销。恢复后网点服务台会关闭。</translation>
    </message>
    <message>
        <source>Restoring… The current data is first saved as a backup.</source>
        <translation>正在恢复…先把当前数据另存为备份。</translation>
    </message>
    <message>
        <source>Nothing was restored. BranchDesk keeps running.</source>
        <translation>未恢复任何数据，网点服务台继续运行。</translation>
    </message>
    <message>
        <source>Restore failed: {error}</source>
        <translation>恢复失败：{error}</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Restored the backup taken {when}:
{path}</source>
        <translation>已恢复 {when} 的备份：
{path}</translation>
    </message>
    <message>
        <source>BranchDesk closes now. Start it again to work with the restored data.</source>
        <translation>网点服务台现在关闭。请重新打开，使用恢复后的数据。</translation>
    </message>
    <message>
        <source>Back &amp;up to a folder…</source>
        <translation>备份到文件夹(&amp;U)…</translation>
    </message>
    <message>
        <source>R&amp;estore from a backup…</source>
        <translation>从备份恢复(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>店主(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unlock owner actions…</source>
        <translation>解锁店主操作(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Owner &amp;PIN…</source>
        <translation>店主密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>操作记录(&amp;A)…</translation>
    </message>
    <message>
        <source>Owner actions unlocked for 5 minutes after the last one.</source>
        <translation type="vanished">店主操作已解锁，最后一次操作后 5 分钟自动锁定。</translation>
    </message>
    <message>
        <source>Owner actions locked.</source>
        <translation>店主操作已锁定。</translation>
    </message>
    <message>
        <source>Owner PIN</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <source>Enter the owner PIN to unlock the owner's actions.</source>
        <translation>输入店主密码，解锁店主操作。</translation>
    </message>
    <message>
        <source>Only the branch owner may {action}. Enter the owner PIN:</source>
        <translation>只有店主可以{action}。请输入店主密码：</translation>
    </message>
    <message>
        <source>{low}–{high} digits</source>
        <translation>{low}–{high} 位数字</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>It stays unlocked for 5 minutes after the last owner action.</source>
        <translation type="vanished">最后一次店主操作后保持解锁 5 分钟。</translation>
    </message>
    <message>
        <source>You may try again.</source>
        <translation>现在可以再试。</translation>
    </message>
    <message>
        <source>Owner only</source>
        <translation>仅限店主</translation>
    </message>
    <message>
        <source>With a PIN, only someone who knows it may edit the handbook, delete records, undo imports, restore a backup or change settings. Everything else stays open to everyone. {low}–{high} digits.</source>
        <translation>设置密码后，只有知道密码的人才能修改处罚手册、删除记录、撤销导入、恢复备份或修改设置；其他功能人人可用。密码为 {low}–{high} 位数字。</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的密码不一样，请输入相同的密码。</translation>
    </message>
    <message>
        <source>The PIN is set. Keep it somewhere safe: without it, owner actions cannot be done on this PC.</source>
        <translation>密码已设置。请妥善保管：忘记密码就无法在这台电脑上做店主操作。</translation>
    </message>
    <message>
        <source>Remove the owner PIN? Everyone at this PC may then do everything.</source>
        <translation>取消店主密码吗？取消后，这台电脑前的任何人都能做所有操作。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>With PIN</source>
        <translation>输入了密码</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <source>Wrote {count} entries to {path}</source>
        <translation>已将 {count} 条记录写入 {path}</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> 份每日备份</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> 份每周备份</translation>
    </message>
    <message>
        <source>Offer to remove waybills older than</source>
        <translation>提示删除多少天前的运单</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>保留的自动备份</translation>
    </message>
    <message>
        <source>set: owner actions ask for it</source>
        <translation>已设置：店主操作需输入密码</translation>
    </message>
    <message>
        <source>Change or remove…</source>
        <translation>更改或取消…</translation>
    </message>
    <message>
        <source>not set: everyone may do everything</source>
        <translation>未设置：任何人都能做所有操作</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Owner PIN: set (after the restore, owner actions need the backup's PIN)</source>
        <translation>店主密码：已设置（恢复后，店主操作需要输入这份备份里的密码）</translation>
    </message>
    <message>
        <source>Owner PIN: none (after the restore, no PIN is asked for)</source>
        <translation>店主密码：未设置（恢复后不再要求输入密码）</translation>
    </message>
    <message>
        <source>Removed {count} waybills from before {date}</source>
        <translation>已删除 {date} 之前的 {count} 条运单</translation>
    </message>
    <message>
        <source>Removing {total} waybills from before {date}: {count} removed so far</source>
        <translation>删除 {date} 之前的 {total} 条运单：已删除 {count} 条</translation>
    </message>
    <message>
        <source>The backup was stopped.</source>
        <translation>备份已停止。</translation>
    </message>
    <message>
        <source>Import {id} is of a kind this BranchDesk does not know ({kind}); nothing was changed.</source>
        <translation>导入 {id} 的类型（{kind}）不是本版 BranchDesk 认识的；未做任何更改。</translation>
    </message>
    <message>
        <source>The preview is being prepared again: print once it is shown.</source>
        <translation>预览正在重新生成：请等预览显示后再打印。</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <source>"{fragment}": "{text}" is not understood; write a range such as 1-99号, 151号以后, 单号, 双号, 全段 or 1-12幢</source>
        <translation>“{fragment}”：看不懂“{text}”；请写成 1-99号、151号以后、单号、双号、全段或 1-12幢 这样的范围</translation>
    </message>
    <message>
        <source>Read in part: "{text}" is kept as a condition and not checked</source>
        <translation>只读懂了一部分：“{text}”作为条件保留，不做核对</translation>
    </message>
    <message>
        <source>east</source>
        <translation>东</translation>
    </message>
    <message>
        <source>west</source>
        <translation>西</translation>
    </message>
    <message>
        <source>south</source>
        <translation>南</translation>
    </message>
    <message>
        <source>north</source>
        <translation>北</translation>
    </message>
    <message>
        <source>odd numbers</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>even numbers</source>
        <translation>双号</translation>
    </message>
    <message>
        <source>The address does not say which phase; "{keyword}" covers phase {phase}</source>
        <translation>地址没写是几期；“{keyword}”这条只管{phase}期</translation>
    </message>
    <message>
        <source>No building in the address; "{keyword}" covers building {building}</source>
        <translation>地址里没有楼栋；“{keyword}”这条只管{building}幢</translation>
    </message>
    <message>
        <source>The address gives lane {lane}, not a house number; "{keyword}" covers house numbers {range}</source>
        <translation>地址写的是{lane}弄，不是门牌号；“{keyword}”这条按门牌号{range}</translation>
    </message>
    <message>
        <source>Floor {floor} read from room {room}; "{keyword}" covers floors {range}</source>
        <translation>由房号{room}推断为{floor}层；“{keyword}”这条管{range}层</translation>
    </message>
    <message>
        <source>Only the {side} side of "{keyword}"{condition}; the address does not say which side — check</source>
        <translation>只管“{keyword}”{side}侧{condition}；地址没写是哪一侧——请核对</translation>
    </message>
    <message>
        <source>Only where "{condition}"; the address does not say — check</source>
        <translation>只管“{condition}”的部分；地址没写明——请核对</translation>
    </message>
    <message>
        <source>No house number in the address; "{keyword}" is covered except {numbers}</source>
        <translation>地址里没有门牌号；“{keyword}”除{numbers}号外都归这位业务员</translation>
    </message>
    <message>
        <source>No unit in the address; "{keyword}" covers units {range}</source>
        <translation>地址里没有单元号；“{keyword}”这条管{range}单元</translation>
    </message>
    <message>
        <source>No floor in the address; "{keyword}" covers floors {range}</source>
        <translation>地址里没有楼层；“{keyword}”这条管{range}层</translation>
    </message>
    <message>
        <source>No village group in the address; "{keyword}" covers groups {range}</source>
        <translation>地址里没有村民小组；“{keyword}”这条管{range}组</translation>
    </message>
    <message>
        <source>Unit {number} of "{keyword}" is in units {range}</source>
        <translation>“{keyword}”{number}单元，在{range}单元内</translation>
    </message>
    <message>
        <source>Floor {number} of "{keyword}" is in floors {range}</source>
        <translation>“{keyword}”{number}层，在{range}层内</translation>
    </message>
    <message>
        <source>Group {number} of "{keyword}" is in groups {range}</source>
        <translation>“{keyword}”{number}组，在{range}组内</translation>
    </message>
    <message>
        <source>No closer rule; the address names no district, and "{keyword}" is the branch's own district's catch-all courier</source>
        <translation>没有更具体的规则；地址没写区县，按本网点所在的“{keyword}”兜底</translation>
    </message>
    <message>
        <source>No closer rule; "{keyword}" is the district's catch-all courier</source>
        <translation>没有更具体的规则；按“{keyword}”的区县兜底业务员</translation>
    </message>
    <message>
        <source>Did you mean “{keyword}”? The address has “{written}”</source>
        <translation>您是不是要找“{keyword}”？地址里写的是“{written}”</translation>
    </message>
    <message>
        <source>“{keyword}” is only part of the name “{written}”</source>
        <translation>“{keyword}”只是“{written}”的一部分</translation>
    </message>
    <message>
        <source>The note mentions “{word}”: {note}</source>
        <translation>备注提到“{word}”：{note}</translation>
    </message>
    <message>
        <source>Two couriers match equally well</source>
        <translation>两位业务员匹配程度相同</translation>
    </message>
    <message>
        <source>{count} row(s) were read only in part:</source>
        <translation>{count} 行只读懂了一部分：</translation>
    </message>
    <message>
        <source>{count} blank cell(s) in a grouping column taken as “same as above” (as merged cells leave them)</source>
        <translation>{count} 个分组列的空白单元格按“同上”处理（合并单元格留下的空白）</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Odd / even</source>
        <translation>单双号</translation>
    </message>
    <message>
        <source>Sheet {sheet} skipped: it is empty.</source>
        <translation>跳过工作表“{sheet}”：它是空的。</translation>
    </message>
    <message>
        <source>Sheet {sheet} skipped: it holds notes, not an area table.</source>
        <translation>跳过工作表“{sheet}”：这是说明，不是派件区域表。</translation>
    </message>
    <message>
        <source>{count} sheets read.</source>
        <translation>读取了 {count} 个工作表。</translation>
    </message>
    <message>
        <source>Exact rule</source>
        <translation>精确匹配</translation>
    </message>
    <message>
        <source>Building inferred</source>
        <translation>推断匹配</translation>
    </message>
    <message>
        <source>Did you mean (fuzzy)</source>
        <translation>您是不是要找（模糊）</translation>
    </message>
    <message>
        <source>Note mentions</source>
        <translation>备注提到</translation>
    </message>
    <message>
        <source>District fallback</source>
        <translation>区县兜底</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{level} · tie, check</source>
        <translation>{level} · 不确定，请核对</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>把握</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Read only in part</source>
        <translation>只读懂部分</translation>
    </message>
    <message>
        <source>(every sheet)</source>
        <translation>（全部工作表）</translation>
    </message>
    <message>
        <source>read only in part: {problem}</source>
        <translation>只读懂了一部分：{problem}</translation>
    </message>
    <message>
        <source>“{field}” is read from column {column}: its cells read as addresses (not {others}). Change it below if that is wrong.</source>
        <translation>“{field}”取自 {column} 列：这一列的内容像地址（{others} 不像）。如果不对，请在下方修改。</translation>
    </message>
    <message>
        <source>Did you mean &lt;b&gt;{place}&lt;/b&gt;? Then it is &lt;b&gt;{name}&lt;/b&gt; {phone}</source>
        <translation>您是不是要找 &lt;b&gt;{place}&lt;/b&gt;？那就是 &lt;b&gt;{name}&lt;/b&gt; {phone}</translation>
    </message>
    <message>
        <source>e.g. 浙江省宁波市海曙区</source>
        <translation>例如 浙江省宁波市海曙区</translation>
    </message>
    <message>
        <source>Lookup takes this city and district for an address that names none: its route, its arrival time and the district's catch-all courier.</source>
        <translation>地址没写省市区时，查件按这里的城市和区县处理：路由、时效和区县兜底业务员。</translation>
    </message>
    <message>
        <source>The branch's city and district</source>
        <translation>网点所在城市和区县</translation>
    </message>
    <message>
        <source>“{text}” is not a city or district BranchDesk knows. Write it as on an address, e.g. 浙江省宁波市海曙区 or 宁波海曙区.</source>
        <translation>“{text}”不是网点服务台认识的城市或区县。请像写地址那样填写，例如 浙江省宁波市海曙区 或 宁波海曙区。</translation>
    </message>
    <message>
        <source>{path} is a file of the database BranchDesk is using ({db}); it is opened only by BranchDesk itself. Nothing was read or written: choose another file.</source>
        <translation>{path} 是 BranchDesk 正在使用的数据库（{db}）的文件，只能由 BranchDesk 自己打开。没有读取或写入任何内容：请选择其他文件。</translation>
    </message>
    <message>
        <source>The newest good backup is {path}.</source>
        <translation>最新的完好备份是 {path}。</translation>
    </message>
    <message>
        <source>To go back to it (the damaged file is kept as a backup first): branchdesk restore {path}</source>
        <translation>要恢复到该备份（损坏的文件会先保存为备份）：branchdesk restore {path}</translation>
    </message>
    <message>
        <source>The database now cannot be read, so what the backup lacks is unknown: everything written after the backup was taken is lost by restoring it.</source>
        <translation>当前数据库无法读取，因此无法得知备份缺少哪些数据：恢复后，备份之后写入的所有内容都会丢失。</translation>
    </message>
    <message>
        <source>Compared with now, the backup lacks no rows (rows changed since it was taken go back to how they were).</source>
        <translation>与当前数据相比，备份没有缺少任何行（备份之后修改过的行会恢复为当时的内容）。</translation>
    </message>
    <message>
        <source>Compared with now, restoring this backup loses these rows:</source>
        <translation>与当前数据相比，恢复此备份会丢失以下行：</translation>
    </message>
    <message>
        <source>{table}: cannot be counted now (damaged), {then} in the backup</source>
        <translation>{table}：当前无法统计（已损坏），备份中有 {then} 行</translation>
    </message>
    <message>
        <source>{table}: {now} now, {then} in the backup ({lost} fewer)</source>
        <translation>{table}：当前 {now} 行，备份中 {then} 行（少 {lost} 行）</translation>
    </message>
    <message>
        <source>{problem}

Restore the newest good backup ({name})? The damaged file is kept as a backup first.

{lacking}</source>
        <translation>{problem}

要恢复最新的完好备份（{name}）吗？损坏的文件会先保存为备份。

{lacking}</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space on the drive that holds {path} (empty the recycle bin, move old files away), then try again.</source>
        <translation>磁盘已满：没有保存任何内容。请在存放 {path} 的磁盘上腾出空间（清空回收站、移走旧文件），然后重试。</translation>
    </message>
    <message>
        <source>The database is busy: another BranchDesk window or command is writing to it (a big import, a restore). Nothing was saved; try again when it has finished.</source>
        <translation>数据库正忙：另一个 BranchDesk 窗口或命令正在写入（例如大批量导入或恢复备份）。没有保存任何内容；请等它完成后重试。</translation>
    </message>
    <message>
        <source>Area table replaced</source>
        <translation>派件区域表已替换</translation>
    </message>
    <message>
        <source>{key} is not a setting of the branch.</source>
        <translation>{key} 不是网点的设置。</translation>
    </message>
    <message>
        <source>{setting} cannot be {value}; nothing was changed.</source>
        <translation>{setting}不能设为 {value}；没有做任何更改。</translation>
    </message>
    <message>
        <source>{setting}: {old} → {new}</source>
        <translation>{setting}：{old} → {new}</translation>
    </message>
    <message>
        <source>{setting}: {value}</source>
        <translation>{setting}：{value}</translation>
    </message>
    <message>
        <source>Taken over from settings.json: {what}</source>
        <translation>已从 settings.json 接管：{what}</translation>
    </message>
    <message>
        <source>replace the area table</source>
        <translation>替换派件区域表</translation>
    </message>
    <message>
        <source>Owner actions unlocked for {minutes} minutes after the last one.</source>
        <translation>店主操作已解锁，最后一次操作后保持 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>It stays unlocked for {minutes} minutes after the last owner action.</source>
        <translation>最后一次店主操作后保持解锁 {minutes} 分钟。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The PIN unlocks owner actions for</source>
        <translation>店主密码解锁时长</translation>
    </message>
    <message>
        <source>The branch's settings can be changed once its data is open.</source>
        <translation>网点数据打开后才能修改网点的设置。</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留的每日备份</translation>
    </message>
    <message>
        <source>Weekly backups kept</source>
        <translation>保留的每周备份</translation>
    </message>
    <message>
        <source>Minutes the owner PIN unlocks</source>
        <translation>店主密码解锁的分钟数</translation>
    </message>
    <message>
        <source>The database {path} is on a network drive ({kind}). BranchDesk keeps its data in an SQLite file, and SQLite's locking does not work reliably over a network file system: two PCs writing at once can damage the file and lose data. Keep the data on this PC's own disk (start BranchDesk with --data-dir on a local folder, or move the data folder there) and back up to the network drive instead. For several PCs sharing one branch's data, a branch server is planned.</source>
        <translation>数据库 {path} 位于网络驱动器上（{kind}）。BranchDesk 把数据保存在一个 SQLite 文件里，而 SQLite 的文件锁在网络文件系统上并不可靠：两台电脑同时写入可能损坏文件、丢失数据。请把数据放在本机自己的硬盘上（用 --data-dir 指定本地文件夹启动 BranchDesk，或把数据文件夹移到本地），备份时再存到网络驱动器。多台电脑共用一个网点的数据，今后将由网点服务器支持。</translation>
    </message>
    <message>
        <source>Schema: NOT AS BRANCHDESK MAKES IT</source>
        <translation>结构：与 BranchDesk 建立的不一致</translation>
    </message>
    <message>
        <source>{path} is not a backup as BranchDesk writes it, so it is refused and nothing was changed: {problems} Choose another backup.</source>
        <translation>{path} 不是 BranchDesk 写出的原样备份，因此拒绝恢复，没有做任何更改：{problems} 请选择其他备份。</translation>
    </message>
    <message>
        <source>table “{name}”</source>
        <translation>表“{name}”</translation>
    </message>
    <message>
        <source>index “{name}” on {table}</source>
        <translation>{table} 上的索引“{name}”</translation>
    </message>
    <message>
        <source>trigger “{name}” on {table}</source>
        <translation>{table} 上的触发器“{name}”</translation>
    </message>
    <message>
        <source>view “{name}”</source>
        <translation>视图“{name}”</translation>
    </message>
    <message>
        <source>an extra {what} that BranchDesk does not make</source>
        <translation>多出了 BranchDesk 不会建立的{what}</translation>
    </message>
    <message>
        <source>the {what} is missing</source>
        <translation>缺少{what}</translation>
    </message>
    <message>
        <source>the {what} is not as BranchDesk makes it</source>
        <translation>{what}与 BranchDesk 建立的不一致</translation>
    </message>
    <message>
        <source>Schema {revision}: {problem}.</source>
        <translation>结构 {revision}：{problem}。</translation>
    </message>
    <message>
        <source>The owner PIN is stored {count} times (once is right).</source>
        <translation>店主密码保存了 {count} 份（应只有一份）。</translation>
    </message>
    <message>
        <source>The owner PIN's scrypt cost (n={n}, r={r}, p={p}) is outside what BranchDesk uses (n a power of two up to {max_n}, r up to {max_r}, p up to {max_p}).</source>
        <translation>店主密码的 scrypt 参数（n={n}，r={r}，p={p}）超出 BranchDesk 使用的范围（n 为 2 的幂且不超过 {max_n}，r 不超过 {max_r}，p 不超过 {max_p}）。</translation>
    </message>
    <message>
        <source>The owner PIN's salt ({salt} bytes) or hash ({digest} bytes) has the wrong length.</source>
        <translation>店主密码的盐（{salt} 字节）或哈希（{digest} 字节）长度不对。</translation>
    </message>
    <message>
        <source>The owner PIN's count of wrong attempts is negative.</source>
        <translation>店主密码的输错次数为负数。</translation>
    </message>
    <message>
        <source>{file} is too large to read ({size} MB; BranchDesk reads files of at most {limit} MB). Split it into smaller files, or export fewer rows or columns.</source>
        <translation>{file} 太大，无法读取（{size} MB；BranchDesk 最多读取 {limit} MB 的文件）。请拆分成几个较小的文件，或少导出一些行或列。</translation>
    </message>
    <message>
        <source>The picture is too large ({width}×{height} = {pixels} million pixels; at most {limit} million). Make it smaller or capture only the part of the screen the step is about.</source>
        <translation>图片太大（{width}×{height}，共 {pixels} 百万像素；最多 {limit} 百万像素）。请把图片缩小，或只截取与这一步有关的那部分屏幕。</translation>
    </message>
    <message>
        <source>{place}: the sheet uses cells up to {cell} ({rows} rows × {columns} columns); BranchDesk reads at most {max_rows} rows, {max_columns} columns and {max_cells} cells of a sheet. Delete the rows and columns far below or to the right of the table (or copy only the table into a new workbook), save, and choose the file again.</source>
        <translation>{place}：该工作表用到了 {cell} 单元格（{rows} 行 × {columns} 列）；BranchDesk 每个工作表最多读取 {max_rows} 行、{max_columns} 列、{max_cells} 个单元格。请删除表格下方或右侧远处的行和列（或只把表格复制到新工作簿），保存后重新选择文件。</translation>
    </message>
    <message>
        <source>{place}: the sheet has {count} merged ranges; BranchDesk reads at most {limit}. Unmerge the cells (Home → Merge &amp; Center), save, and choose the file again.</source>
        <translation>{place}：该工作表有 {count} 个合并区域；BranchDesk 最多读取 {limit} 个。请取消合并单元格（开始 → 合并后居中），保存后重新选择文件。</translation>
    </message>
    <message>
        <source>{file}: its part {part} unpacks to more than {limit} MB, more than any table BranchDesk reads (or the file is built to fill the memory). Open it in Excel, copy only the table into a new workbook, save it, and choose that file.</source>
        <translation>{file}：其中的 {part} 解压后超过 {limit} MB，远超任何正常表格的大小（或者这个文件是故意用来占满内存的）。请用 Excel 打开，只把表格复制到新工作簿，保存后选择新文件。</translation>
    </message>
    <message>
        <source>…[cut: {length} characters in all]</source>
        <translation>…[已截断：原文共 {length} 字]</translation>
    </message>
    <message>
        <source>Sheet {sheet}, record {row}, column {column}: the text has {length} characters, more than an Excel cell holds ({limit}); the file has its first part, marked as cut.</source>
        <translation>工作表 {sheet} 第 {row} 条、{column} 列：文字有 {length} 个字符，超过 Excel 一个单元格能放的 {limit} 个；文件中只写入了前面部分，并标明已截断。</translation>
    </message>
    <message>
        <source>{file} changed while it was being imported. Nothing was imported; import it again.</source>
        <translation>{file} 在导入过程中被修改了。什么都没有导入；请重新导入。</translation>
    </message>
    <message>
        <source>the cell holds {length} characters; a cell may hold at most {limit} (Excel's own limit). Shorten it in the file and import again</source>
        <translation>单元格有 {length} 个字符；一个单元格最多 {limit} 个字符（Excel 本身的上限）。请在文件中把它改短后重新导入</translation>
    </message>
    <message>
        <source>the cell contains a control character ({char}) that is not text; remove it (in Excel: =CLEAN(…) or Find and Replace) and import again</source>
        <translation>单元格里有不是文字的控制字符（{char}）；请删除它（在 Excel 中可用 =CLEAN(…) 或“查找和替换”）后重新导入</translation>
    </message>
    <message>
        <source>the formula {formula} has no calculated result (the file was saved by a program that does not calculate formulas). Open the file in Excel or WPS, save it there, and import it again</source>
        <translation>公式没有计算结果：单元格里是公式 {formula}，但没有保存计算出的值（文件是由不计算公式的程序保存的）。请用 Excel 打开后保存（WPS 也可以），再重新导入</translation>
    </message>
    <message>
        <source>Complaints exported with full phone numbers to {file}</source>
        <translation>导出投诉（含完整电话号码）到 {file}</translation>
    </message>
    <message>
        <source>{table} exported with full phone numbers to {file}</source>
        <translation>导出 {table}（含完整电话号码）到 {file}</translation>
    </message>
    <message>
        <source>Full phone numbers printed or exported</source>
        <translation>打印或导出了完整电话号码</translation>
    </message>
    <message>
        <source>print or export customers' full phone numbers</source>
        <translation>打印或导出客户的完整电话号码</translation>
    </message>
    <message>
        <source>Slips shown with full phone numbers</source>
        <translation>提醒单显示完整电话号码</translation>
    </message>
    <message>
        <source>Slips printed with full phone numbers from {file}</source>
        <translation>按 {file} 打印提醒单（含完整电话号码）</translation>
    </message>
    <message>
        <source>{name} unpacks to more than its stated size ({size} MB).</source>
        <translation>{name} 解压后比它标明的大小（{size} MB）还大。</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Quality checker</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Enter the agent's name.</source>
        <translation>请输入客服姓名。</translation>
    </message>
    <message>
        <source>The name is longer than 40 characters: shorten it.</source>
        <translation>姓名超过 40 个字，请缩短。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”.</source>
        <translation>未知的岗位“{role}”。</translation>
    </message>
    <message>
        <source>There is already an agent named “{name}”: add a distinguishing mark.</source>
        <translation>已有名为“{name}”的客服，请加以区分（如 王芳2）。</translation>
    </message>
    <message>
        <source>That agent no longer exists: reopen the team list.</source>
        <translation>该客服已不存在，请重新打开团队名单。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Became a complaint</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Unknown channel “{channel}”.</source>
        <translation>未知的渠道“{channel}”。</translation>
    </message>
    <message>
        <source>Unknown outcome “{outcome}”.</source>
        <translation>未知的处理结果“{outcome}”。</translation>
    </message>
    <message>
        <source>Write what the customer asked (a few words are enough).</source>
        <translation>请写下客户问了什么（几个字即可）。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Data folder: &lt;a href='{url}'&gt;{path}&lt;/a&gt;</source>
        <translation>数据文件夹：&lt;a href='{url}'&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>BranchDesk is free software under the MIT licence. It is built with the programs below, each under its own licence:</source>
        <translation>网点服务台是 MIT 许可的自由软件，使用了以下组件（各自遵循其许可证）：</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Load the &amp;sample branch</source>
        <translation>载入示例网点(&amp;S)</translation>
    </message>
    <message>
        <source>Go to page {n}</source>
        <translation type="vanished">转到第 {n} 页</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已复制 ✓</translation>
    </message>
    <message>
        <source>Nothing to copy</source>
        <translation>没有可复制的内容</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的值：%(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中必须给出一个</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多余的值 %r</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
    <message>
        <source>a whole number is expected: {text}</source>
        <translation>需要一个整数：{text}</translation>
    </message>
    <message>
        <source>{value} is not between {low} and {high}</source>
        <translation>{value} 不在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>a number of hours is expected: {text}</source>
        <translation>需要小时数：{text}</translation>
    </message>
    <message>
        <source>{text} is not between 0 and 8760 hours</source>
        <translation>{text} 不在 0 到 8760 小时之间</translation>
    </message>
    <message>
        <source>a month like 2026-11 is expected: {text}</source>
        <translation>需要形如 2026-11 的月份：{text}</translation>
    </message>
    <message>
        <source>the owner PIN, once one is set, for owner actions (or set BRANCHDESK_PIN)</source>
        <translation>店主 PIN（设置后，店主操作需要它；也可设置环境变量 BRANCHDESK_PIN）</translation>
    </message>
    <message>
        <source>BranchDesk 网点服务台 — courier branch desk</source>
        <translation>BranchDesk 网点服务台 —— 快递网点的服务台</translation>
    </message>
    <message>
        <source>use DIR for the database and settings</source>
        <translation>数据库和设置存放在这个文件夹</translation>
    </message>
    <message>
        <source>start the GUI and import this guide pack (.zip)</source>
        <translation>启动界面并导入这个操作指南包（.zip）</translation>
    </message>
    <message>
        <source>import a spreadsheet (areas, routes, times, waybills, handbook)</source>
        <translation type="vanished">导入表格（派件区域、路由、时效、运单、处罚手册）</translation>
    </message>
    <message>
        <source>sheet name (default: the first sheet)</source>
        <translation>工作表名称（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>validate only, write nothing</source>
        <translation>只检查，不写入</translation>
    </message>
    <message>
        <source>import the valid rows and report the invalid ones</source>
        <translation>导入有效的行，并列出无效的行</translation>
    </message>
    <message>
        <source>handbook: create the categories that do not exist yet</source>
        <translation>处罚手册：自动创建尚不存在的分类</translation>
    </message>
    <message>
        <source>find couriers, route and waybills for a query</source>
        <translation>查询业务员、路由和运单</translation>
    </message>
    <message>
        <source>address, waybill number, phone or last 4 digits</source>
        <translation>地址、运单号、电话或电话后 4 位</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>one query per line ('-' for stdin); prints one JSON object per line</source>
        <translation>每行一个查询（'-' 表示标准输入）；每行输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>export a table to Excel</source>
        <translation>把表格导出为 Excel</translation>
    </message>
    <message>
        <source>customers' phone numbers in full (masked by default; an owner action, audited)</source>
        <translation>显示客户完整电话（默认打码；店主操作，记入日志）</translation>
    </message>
    <message>
        <source>print the handbook, vehicle sheets, an exam, results, problem-parcel slips or an operation guide</source>
        <translation type="vanished">打印处罚手册、车载单、考卷、成绩、问题件提醒单或操作指南</translation>
    </message>
    <message>
        <source>slips: the HQ's problem-parcel list (.xlsx/.xls/.csv); guide: its id or title</source>
        <translation>提醒单：总部的问题件清单（.xlsx/.xls/.csv）；指南：编号或标题</translation>
    </message>
    <message>
        <source>only this category (repeat for several)</source>
        <translation>只打印这个分类（可重复多次）</translation>
    </message>
    <message>
        <source>exam: the paper number (0-999999); a number printed before reprints that paper</source>
        <translation>考卷：试卷号（0-999999）；用以前打印过的号码可重印同一份试卷</translation>
    </message>
    <message>
        <source>exam: number of questions</source>
        <translation>考卷：题目数量</translation>
    </message>
    <message>
        <source>sheet: courier's name in the header</source>
        <translation>车载单：页眉上的业务员姓名</translation>
    </message>
    <message>
        <source>results: one employee's results</source>
        <translation type="vanished">成绩：只打印一名员工的成绩</translation>
    </message>
    <message>
        <source>slips: sheet name (default: the first sheet)</source>
        <translation>提醒单：工作表名称（默认：第一个工作表）</translation>
    </message>
    <message>
        <source>slips: print the valid rows and report the invalid ones</source>
        <translation>提醒单：打印有效的行，并列出无效的行</translation>
    </message>
    <message>
        <source>slips: print customers' names and phones in full (masked by default; an owner action, audited)</source>
        <translation>提醒单：打印客户完整姓名和电话（默认打码；店主操作，记入日志）</translation>
    </message>
    <message>
        <source>analysis: the month (default: this one)</source>
        <translation type="vanished">投诉分析：月份（默认：本月）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>the complaint log</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <source>open complaints due soon or overdue, soonest first</source>
        <translation>即将到期或已超时的未结投诉，最急的在前</translation>
    </message>
    <message>
        <source>due within this many hours (default: the lead time in settings, 2)</source>
        <translation>在这么多小时内到期（默认：设置中的提前提醒时间，2）</translation>
    </message>
    <message>
        <source>print JSON (one array)</source>
        <translation>输出 JSON（一个数组）</translation>
    </message>
    <message>
        <source>operation guides: list, export or import a guide pack</source>
        <translation>操作指南：列出、导出或导入指南包</translation>
    </message>
    <message>
        <source>every guide: id, category, title, steps, version</source>
        <translation>所有指南：编号、分类、标题、步骤数、版本</translation>
    </message>
    <message>
        <source>write a guide as a pack (.zip) for another branch</source>
        <translation>把一份指南导出为指南包（.zip），给其他网点用</translation>
    </message>
    <message>
        <source>the guide's id or exact title</source>
        <translation>指南的编号或完整标题</translation>
    </message>
    <message>
        <source>the .zip to write</source>
        <translation>要写入的 .zip 文件</translation>
    </message>
    <message>
        <source>add the guide of a pack (.zip) to the library</source>
        <translation>把指南包（.zip）中的指南加入指南库</translation>
    </message>
    <message>
        <source>back up the database (a checked copy)</source>
        <translation>备份数据库（经过检查的副本）</translation>
    </message>
    <message>
        <source>the folder to write to, e.g. a USB stick (default: the data dir's backups)</source>
        <translation>写入的文件夹，例如 U 盘（默认：数据文件夹中的 backups）</translation>
    </message>
    <message>
        <source>replace the database with a backup (owner only)</source>
        <translation>用备份替换数据库（仅限店主）</translation>
    </message>
    <message>
        <source>the backup file (branchdesk-….sqlite3)</source>
        <translation>备份文件（branchdesk-….sqlite3）</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>不再询问确认</translation>
    </message>
    <message>
        <source>full integrity check of the database; lists the backups</source>
        <translation>完整检查数据库；并列出备份</translation>
    </message>
    <message>
        <source>load the sample branch (an example to replace)</source>
        <translation>载入示例网点（供参考，之后替换为本网点的数据）</translation>
    </message>
    <message>
        <source>list imports</source>
        <translation>列出导入记录</translation>
    </message>
    <message>
        <source>remove waybills older than a number of days (owner only)</source>
        <translation>删除超过指定天数的运单（仅限店主）</translation>
    </message>
    <message>
        <source>remove waybills dated more than DAYS days ago (default: the setting, 180)</source>
        <translation>删除早于这么多天前的运单（默认：设置值 180）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Look up an address</source>
        <translation>查地址</translation>
    </message>
    <message>
        <source>Log a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Print vehicle sheets</source>
        <translation>打印车载单</translation>
    </message>
    <message>
        <source>Print an exam paper</source>
        <translation>打印考卷</translation>
    </message>
    <message>
        <source>Read the operation guides</source>
        <translation>看操作指南</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Day-one jobs</source>
        <translation>常用工作</translation>
    </message>
    <message>
        <source>Today: {date}, 星期{weekday}</source>
        <translation type="vanished"></translation>
    </message>
    <message>
        <source>{overdue} overdue, {soon} due within {hours} h, {callbacks} waiting for a call-back. Double-click one to open it.</source>
        <translation>已超时 {overdue} 件，{hours} 小时内到期 {soon} 件，待回访 {callbacks} 件。双击可打开。</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>今天没有到期的投诉。</translation>
    </message>
    <message>
        <source>{due} · {ticket} · {category} · {status}{late}</source>
        <translation>{due} · {ticket} · {category} · {status}{late}</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已超时</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Today: {date}, {weekday}</source>
        <translation>今天：{date}，{weekday}</translation>
    </message>
    <message>
        <source>Say where to write the statements: team statement --month {month} -o FILE.xlsx (or FILE.pdf), or --json.</source>
        <translation>请指定结算单写到哪里：team statement --month {month} -o 文件.xlsx（或 文件.pdf），或者用 --json。</translation>
    </message>
    <message>
        <source>Write the statements to a .xlsx or .pdf file, not “{name}”.</source>
        <translation>结算单只能写成 .xlsx 或 .pdf 文件，不能是“{name}”。</translation>
    </message>
    <message>
        <source>Wrote {count} statement(s) of {month} to {path}</source>
        <translation>已将 {month} 的 {count} 份结算单写入 {path}</translation>
    </message>
    <message>
        <source>Pay rates set</source>
        <translation>设置了计件工资标准</translation>
    </message>
    <message>
        <source>Agent's fine changed</source>
        <translation>修改了客服罚款</translation>
    </message>
    <message>
        <source>Pay statement approved or reissued</source>
        <translation>审批或重开了结算单</translation>
    </message>
    <message>
        <source>Draft: not approved yet</source>
        <translation>草稿：尚未审批</translation>
    </message>
    <message>
        <source>Approved {when} by {who}</source>
        <translation>{who} 于 {when} 审批</translation>
    </message>
    <message>
        <source>Superseded (was: {text})</source>
        <translation>已作废（原为：{text}）</translation>
    </message>
    <message>
        <source>Reissued: {reason}</source>
        <translation>重开原因：{reason}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rate (元)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Complaints closed</source>
        <translation>结案投诉</translation>
    </message>
    <message>
        <source>Work orders closed</source>
        <translation>结案工单</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>咨询记录</translation>
    </message>
    <message>
        <source>QC band {band}</source>
        <translation>质检档 {band}</translation>
    </message>
    <message>
        <source>Fine: {reason}</source>
        <translation>罚款：{reason}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Pay statement {month} — {agent}</source>
        <translation>{month} 月度结算单 — {agent}</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Items handled</source>
        <translation>处理件数</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按时结案</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>QC average</source>
        <translation>质检平均分</translation>
    </message>
    <message>
        <source>Items scored</source>
        <translation>质检件数</translation>
    </message>
    <message>
        <source>Change from the month before</source>
        <translation>比上月变化</translation>
    </message>
    <message>
        <source>Coaching open / closed</source>
        <translation>辅导 未结 / 已结</translation>
    </message>
    <message>
        <source>No QC figures for this month.</source>
        <translation>本月没有质检数据。</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Days at work</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>工资</translation>
    </message>
    <message>
        <source>No pay rates were set: pay by volume is 0.</source>
        <translation>尚未设置计件标准：计件工资为 0。</translation>
    </message>
    <message>
        <source>{count} fine(s) added after the approval are not on this statement.</source>
        <translation>审批后新增的 {count} 笔罚款不在本结算单内。</translation>
    </message>
    <message>
        <source>Owner: ____________    Agent: ____________    Date: ____________</source>
        <translation>店主签字：____________    客服签字：____________    日期：____________</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>QC</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Pay (元)</source>
        <translation>工资（元）</translation>
    </message>
    <message>
        <source>Team ranking {month}</source>
        <translation>{month} 团队排名</translation>
    </message>
    <message>
        <source>Total pay: {amount} 元</source>
        <translation>工资合计：{amount} 元</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Pay statements {month}</source>
        <translation>{month} 月度结算单</translation>
    </message>
    <message>
        <source>No agents in the team list.</source>
        <translation>团队名单中没有客服。</translation>
    </message>
    <message>
        <source>Statements {month}</source>
        <translation>结算单 {month}</translation>
    </message>
    <message>
        <source>Fines</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>An approved statement cannot be deleted; reissue it with a reason.</source>
        <translation>已审批的结算单不能删除；如有错误，请填写原因后重开。</translation>
    </message>
    <message>
        <source>{agent}'s statement for {month} is approved and cannot be changed. Reissue it with a reason if it is wrong.</source>
        <translation>{agent} 的 {month} 结算单已审批，不能修改。如有错误，请填写原因后重开。</translation>
    </message>
    <message>
        <source>{what}: “{text}” is not an amount in 元, e.g. 2.50.</source>
        <translation>{what}：“{text}”不是以元为单位的金额，例如 2.50。</translation>
    </message>
    <message>
        <source>any score</source>
        <translation>任意分数</translation>
    </message>
    <message>
        <source>complaint closed {amount} 元</source>
        <translation>结案投诉 {amount} 元</translation>
    </message>
    <message>
        <source>work order {amount} 元</source>
        <translation>工单 {amount} 元</translation>
    </message>
    <message>
        <source>contact {amount} 元</source>
        <translation>咨询 {amount} 元</translation>
    </message>
    <message>
        <source>QC {band}: {amount} 元</source>
        <translation>质检 {band}：{amount} 元</translation>
    </message>
    <message>
        <source>The rate per complaint closed</source>
        <translation>每件结案投诉的单价</translation>
    </message>
    <message>
        <source>The rate per work order</source>
        <translation>每张工单的单价</translation>
    </message>
    <message>
        <source>The rate per contact</source>
        <translation>每条咨询的单价</translation>
    </message>
    <message>
        <source>{what} cannot be negative ({amount} 元); enter 0 or more.</source>
        <translation>{what}不能为负数（{amount} 元）；请填写 0 或更大的数。</translation>
    </message>
    <message>
        <source>{what} of {amount} 元 is more than {limit} 元 per item; check the amount.</source>
        <translation>{what} {amount} 元超过了每件 {limit} 元；请核对金额。</translation>
    </message>
    <message>
        <source>At most {count} QC bands; remove some.</source>
        <translation>质检档最多 {count} 个；请删掉一些。</translation>
    </message>
    <message>
        <source>QC band {band}: a score must be between 0 and 100.</source>
        <translation>质检档 {band}：分数必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>A QC band needs a lowest score, a highest score or both.</source>
        <translation>质检档需要填写最低分、最高分，或两者都填。</translation>
    </message>
    <message>
        <source>QC band {band}: the lowest score must be below the highest.</source>
        <translation>质检档 {band}：最低分必须小于最高分。</translation>
    </message>
    <message>
        <source>QC band {band}: {amount} 元 is more than {limit} 元; check the amount.</source>
        <translation>质检档 {band}：{amount} 元超过了 {limit} 元；请核对金额。</translation>
    </message>
    <message>
        <source>QC bands {first} and {second} overlap: a score may fall in one band only.</source>
        <translation>质检档 {first} 和 {second} 有重叠：一个分数只能落在一个档里。</translation>
    </message>
    <message>
        <source>“{text}” is not a month: write it as YYYY-MM, e.g. 2026-11.</source>
        <translation>“{text}”不是月份：请按 YYYY-MM 填写，例如 2026-11。</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>Write the reason for the fine (the agent sees it on the statement).</source>
        <translation>请填写罚款原因（客服会在结算单上看到）。</translation>
    </message>
    <message>
        <source>The reason is longer than {count} characters.</source>
        <translation>原因超过了 {count} 个字。</translation>
    </message>
    <message>
        <source>A fine must be more than 0 元 (it was {amount} 元).</source>
        <translation>罚款必须大于 0 元（填写的是 {amount} 元）。</translation>
    </message>
    <message>
        <source>A fine of {amount} 元 is more than {limit} 元; check the amount.</source>
        <translation>罚款 {amount} 元超过了 {limit} 元；请核对金额。</translation>
    </message>
    <message>
        <source>{agent}, {month}: fine {amount} 元 ({reason})</source>
        <translation>{agent}，{month}：罚款 {amount} 元（{reason}）</translation>
    </message>
    <message>
        <source>That fine no longer exists: reopen the statement.</source>
        <translation>这笔罚款已不存在：请重新打开结算单。</translation>
    </message>
    <message>
        <source>This fine is on {agent}'s approved statement for {month}, which cannot be changed. Reissue the statement with a reason instead.</source>
        <translation>这笔罚款在 {agent} 已审批的 {month} 结算单上，不能修改。请改为填写原因后重开结算单。</translation>
    </message>
    <message>
        <source>Removed: {month} fine {amount} 元 ({reason})</source>
        <translation>已删除：{month} 罚款 {amount} 元（{reason}）</translation>
    </message>
    <message>
        <source>No statement for “{agent}” in {month}: check the name in the team list.</source>
        <translation type="vanished">{month} 没有“{agent}”的结算单：请核对团队名单中的姓名。</translation>
    </message>
    <message>
        <source>{month} is not over yet: its statements can be approved from {day} on.</source>
        <translation>{month} 还没有结束：从 {day} 起才能审批该月结算单。</translation>
    </message>
    <message>
        <source>{agent}'s statement for {month} is already approved and cannot be changed. Reissue it with a reason if it is wrong.</source>
        <translation>{agent} 的 {month} 结算单已经审批，不能修改。如有错误，请填写原因后重开。</translation>
    </message>
    <message>
        <source>Every statement of {month} is already approved.</source>
        <translation>{month} 的结算单已全部审批。</translation>
    </message>
    <message>
        <source>Approved {month}: {who}</source>
        <translation>审批 {month}：{who}</translation>
    </message>
    <message>
        <source>Write why the statement is reissued (kept with it and in the audit log).</source>
        <translation>请填写重开结算单的原因（会随结算单和操作日志一起保存）。</translation>
    </message>
    <message>
        <source>This statement for {month} is not approved yet: approve it instead of reissuing it.</source>
        <translation>这份 {month} 结算单尚未审批：请直接审批，不需要重开。</translation>
    </message>
    <message>
        <source>Reissued {month} for {agent}: {old} 元 → {new} 元 ({reason})</source>
        <translation>重开 {agent} 的 {month} 结算单：{old} 元 → {new} 元（{reason}）</translation>
    </message>
    <message>
        <source>set the pay rates</source>
        <translation>设置计件工资标准</translation>
    </message>
    <message>
        <source>charge or remove an agent's fine</source>
        <translation>给客服记罚款或删除罚款</translation>
    </message>
    <message>
        <source>approve or reissue a pay statement</source>
        <translation>审批或重开结算单</translation>
    </message>
    <message>
        <source>Fines charged to agents — {month}</source>
        <translation>客服罚款 — {month}</translation>
    </message>
    <message>
        <source>e.g. 50</source>
        <translation>例如 50</translation>
    </message>
    <message>
        <source>e.g. HQ fine for a false delivery scan</source>
        <translation>例如 总部虚假签收罚款</translation>
    </message>
    <message>
        <source>Charge the fine</source>
        <translation>记罚款</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>客服：</translation>
    </message>
    <message>
        <source>Amount (元):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Remove the selected fine</source>
        <translation>删除选中的罚款</translation>
    </message>
    <message>
        <source>Cannot charge the fine</source>
        <translation>无法记罚款</translation>
    </message>
    <message>
        <source>Add the agent to the team list first.</source>
        <translation>请先把客服加入团队名单。</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cannot remove the fine</source>
        <translation>无法删除罚款</translation>
    </message>
    <message>
        <source>Monthly pay statements</source>
        <translation>月度结算单</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Fines (元)</source>
        <translation>罚款（元）</translation>
    </message>
    <message>
        <source>Pay rates…</source>
        <translation>计件标准…</translation>
    </message>
    <message>
        <source>Rates per item and QC bands (owner)</source>
        <translation>每件单价和质检奖扣（店主）</translation>
    </message>
    <message>
        <source>Fines…</source>
        <translation>罚款…</translation>
    </message>
    <message>
        <source>Fines charged to agents this month (owner)</source>
        <translation>本月客服罚款（店主）</translation>
    </message>
    <message>
        <source>Approve the month…</source>
        <translation>审批本月…</translation>
    </message>
    <message>
        <source>Lock every statement of the month not yet approved (owner)</source>
        <translation>锁定本月所有尚未审批的结算单（店主）</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>重开…</translation>
    </message>
    <message>
        <source>Replace the selected approved statement, with a reason (owner)</source>
        <translation>填写原因，替换选中的已审批结算单（店主）</translation>
    </message>
    <message>
        <source>The ranking and every statement, or the selected agent's, as an A4 PDF</source>
        <translation>把排名和全部结算单（或选中客服的结算单）生成 A4 PDF</translation>
    </message>
    <message>
        <source>No agents in the team list: add them on the team page first.</source>
        <translation>团队名单中没有客服：请先在团队页面添加。</translation>
    </message>
    <message>
        <source>{month}: {agents} agent(s), {items} item(s) handled, pay {total} 元; {approved} of {agents} statement(s) approved.</source>
        <translation>{month}：{agents} 名客服，处理 {items} 件，工资 {total} 元；{agents} 份结算单中已审批 {approved} 份。</translation>
    </message>
    <message>
        <source>no QC figures</source>
        <translation>没有质检数据</translation>
    </message>
    <message>
        <source>Days at work / hours</source>
        <translation>出勤天数 / 工时</translation>
    </message>
    <message>
        <source>Pay by volume (元)</source>
        <translation>计件工资（元）</translation>
    </message>
    <message>
        <source>QC band {band} (元)</source>
        <translation>质检档 {band}（元）</translation>
    </message>
    <message>
        <source>Total (元)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>{count} fine(s) added after the approval are not on this statement; reissue it to count them.</source>
        <translation>审批后新增的 {count} 笔罚款不在本结算单内；重开结算单后才会计入。</translation>
    </message>
    <message>
        <source>Pay rates saved.</source>
        <translation>计件标准已保存。</translation>
    </message>
    <message>
        <source>Approve the month</source>
        <translation>审批本月</translation>
    </message>
    <message>
        <source>Approve {count} statement(s) of {month} (pay {total} 元)? Once approved they are locked: later changes only count when a statement is reissued with a reason.</source>
        <translation>审批 {month} 的 {count} 份结算单（工资 {total} 元）吗？审批后即锁定：之后的改动只有在填写原因重开结算单后才会计入。</translation>
    </message>
    <message>
        <source>Cannot approve</source>
        <translation>无法审批</translation>
    </message>
    <message>
        <source>Approved {count} statement(s) of {month}.</source>
        <translation>已审批 {month} 的 {count} 份结算单。</translation>
    </message>
    <message>
        <source>Reissue the statement</source>
        <translation>重开结算单</translation>
    </message>
    <message>
        <source>Why is {agent}'s statement for {month} reissued? The reason is kept with it.</source>
        <translation>为什么要重开 {agent} 的 {month} 结算单？原因会随结算单保存。</translation>
    </message>
    <message>
        <source>Cannot reissue</source>
        <translation>无法重开</translation>
    </message>
    <message>
        <source>Reissued {agent}'s statement for {month}.</source>
        <translation>已重开 {agent} 的 {month} 结算单。</translation>
    </message>
    <message>
        <source>Export the statements</source>
        <translation>导出结算单</translation>
    </message>
    <message>
        <source>Pay rates</source>
        <translation>计件标准</translation>
    </message>
    <message>
        <source>Per complaint closed (元):</source>
        <translation>每件结案投诉（元）：</translation>
    </message>
    <message>
        <source>Per work order closed (元):</source>
        <translation>每张结案工单（元）：</translation>
    </message>
    <message>
        <source>Per contact logged (元):</source>
        <translation>每条咨询记录（元）：</translation>
    </message>
    <message>
        <source>QC from (≥)</source>
        <translation>质检分 从（≥）</translation>
    </message>
    <message>
        <source>QC below (&lt;)</source>
        <translation>质检分 低于（&lt;）</translation>
    </message>
    <message>
        <source>Bonus (+) or deduction (−) 元</source>
        <translation>奖励（+）或扣款（−）元</translation>
    </message>
    <message>
        <source>Add band</source>
        <translation>添加档位</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>删除档位</translation>
    </message>
    <message>
        <source>A work order is paid at its own rate, not also as a complaint. A QC band applies to the month's QC average; leave one end empty for an open band (e.g. from 90, or below 70). Approved statements keep the rates they were approved with.</source>
        <translation>工单按工单单价计算，不再同时按投诉计算。质检档按当月质检平均分计算；一端留空表示不设上限或下限（例如 90 分及以上，或低于 70 分）。已审批的结算单保留审批时的标准。</translation>
    </message>
    <message>
        <source>Bonuses and deductions by QC average:</source>
        <translation>按质检平均分奖扣：</translation>
    </message>
    <message>
        <source>QC band {row}: “{text}” is not a score.</source>
        <translation>质检档 {row}：“{text}”不是分数。</translation>
    </message>
    <message>
        <source>QC band {row}</source>
        <translation>质检档 {row}</translation>
    </message>
    <message>
        <source>Per complaint closed</source>
        <translation>每件结案投诉</translation>
    </message>
    <message>
        <source>Per work order closed</source>
        <translation>每张结案工单</translation>
    </message>
    <message>
        <source>Per contact logged</source>
        <translation>每条咨询记录</translation>
    </message>
    <message>
        <source>Cannot save the rates</source>
        <translation>无法保存计件标准</translation>
    </message>
    <message>
        <source>Monthly pay &amp;statements…</source>
        <translation>月度结算单(&amp;S)…</translation>
    </message>
    <message>
        <source>No agents in the team list: add them before approving a month.</source>
        <translation>团队名单中没有客服：请先添加客服，再审批月度结算单。</translation>
    </message>
    <message>
        <source>QC average per day</source>
        <translation>每日质检平均分</translation>
    </message>
    <message>
        <source>the month's pay statement per agent, to Excel (.xlsx) or PDF, or as JSON</source>
        <translation>每位客服的当月工资结算单，输出为 Excel（.xlsx）、PDF 或 JSON</translation>
    </message>
    <message>
        <source>the month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>the .xlsx or .pdf file to write (FILE.xlsx|FILE.pdf)</source>
        <translation>要写入的 .xlsx 或 .pdf 文件（文件.xlsx|文件.pdf）</translation>
    </message>
    <message>
        <source>only this agent's statement</source>
        <translation>只输出这位客服的结算单</translation>
    </message>
    <message>
        <source>print JSON (one object) on stdout</source>
        <translation>在标准输出打印 JSON（一个对象）</translation>
    </message>
    <message>
        <source>the service team: the monthly pay statement</source>
        <translation type="vanished">客服团队：月度工资结算单</translation>
    </message>
    <message>
        <source>Nobody worked on {day}: there is nothing to check.</source>
        <translation>{day} 没有人上班：没有需要质检的内容。</translation>
    </message>
    <message>
        <source>Sample of {day} (seed {seed})</source>
        <translation>{day} 的抽检（种子 {seed}）</translation>
    </message>
    <message>
        <source>{name}: {drawn} of {handled} item(s) (quota {quota}, {reason}; {banned} with a banned phrase)</source>
        <translation>{name}：共处理 {handled} 件，抽检 {drawn} 件（定额 {quota}，{reason}；含禁语 {banned} 件）</translation>
    </message>
    <message>
        <source>Names in the complaint history that no agent of the team has: {names}. Add them to the team (or correct the name) to check their work.</source>
        <translation>投诉记录中有团队里没有的名字：{names}。请把他们加入团队（或更正名字），才能质检他们的工作。</translation>
    </message>
    <message>
        <source>No item was scored in {month}.</source>
        <translation>{month} 没有评分记录。</translation>
    </message>
    <message>
        <source>Quality in {month}</source>
        <translation>{month} 质检情况</translation>
    </message>
    <message>
        <source>{name}: average {average} over {scored} item(s), {bad} day(s) under the pass mark; coaching {open} open, {closed} closed</source>
        <translation>{name}：{scored} 件平均 {average} 分，{bad} 天低于合格线；辅导 {open} 项进行中，{closed} 项已结束</translation>
    </message>
    <message>
        <source>QC pass mark</source>
        <translation>质检合格线</translation>
    </message>
    <message>
        <source>QC items a day per agent</source>
        <translation>每名客服每天质检件数</translation>
    </message>
    <message>
        <source>QC items a day for a new hire</source>
        <translation>新员工每天质检件数</translation>
    </message>
    <message>
        <source>QC items a day after two bad days</source>
        <translation>连续两天不合格后每天质检件数</translation>
    </message>
    <message>
        <source>Write what went well first: coaching starts with what the agent does right.</source>
        <translation>请先写做得好的地方：辅导从肯定客服做对的事开始。</translation>
    </message>
    <message>
        <source>Write the problem the talk is about.</source>
        <translation>请写下这次谈话要解决的问题。</translation>
    </message>
    <message>
        <source>Write the direction you agreed on with the agent.</source>
        <translation>请写下与客服商定的改进方向。</translation>
    </message>
    <message>
        <source>The follow-up date {day} is in the past: choose today or a later day.</source>
        <translation>复查日期 {day} 已经过去：请选择今天或以后的日期。</translation>
    </message>
    <message>
        <source>That item was handled by another agent: open the coaching from it.</source>
        <translation>这件是其他客服处理的：请从该件打开辅导。</translation>
    </message>
    <message>
        <source>That coaching record no longer exists: reopen the list.</source>
        <translation>该辅导记录已不存在：请重新打开列表。</translation>
    </message>
    <message>
        <source>This coaching record is closed.</source>
        <translation>该辅导记录已结束。</translation>
    </message>
    <message>
        <source>This coaching record is already closed.</source>
        <translation>该辅导记录已经结束。</translation>
    </message>
    <message>
        <source>Write what the follow-up check found before closing the record.</source>
        <translation>结束记录前，请写下复查的结果。</translation>
    </message>
    <message>
        <source>Write what makes it good, so others can learn from it.</source>
        <translation>请写下好在哪里，方便大家学习。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>统一标准</translation>
    </message>
    <message>
        <source>New hire (first 3 months)</source>
        <translation>新员工（入职前3个月）</translation>
    </message>
    <message>
        <source>Two bad days in a row</source>
        <translation>连续两天不合格</translation>
    </message>
    <message>
        <source>Banned phrase</source>
        <translation>含禁语</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>{base} items per agent who worked; {new_hire} for a new hire; {unstable} after two days in a row under {pass_mark} points. Items with a banned phrase first, the rest at random.</source>
        <translation>当天上班的每名客服抽 {base} 件；新员工 {new_hire} 件；连续两天低于 {pass_mark} 分的 {unstable} 件。含禁语的件优先，其余随机抽取。</translation>
    </message>
    <message>
        <source>{day} is not over yet: its sample is drawn from the next day on.</source>
        <translation>{day} 还没有结束：第二天起才能抽取当天的质检样本。</translation>
    </message>
    <message>
        <source>That sampled item no longer exists: reopen the day's sample.</source>
        <translation>该抽检件已不存在：请重新打开当天的抽检。</translation>
    </message>
    <message>
        <source>Give the scorecard a name.</source>
        <translation>请给评分表起个名字。</translation>
    </message>
    <message>
        <source>A scorecard needs at least one section.</source>
        <translation>评分表至少需要一个部分。</translation>
    </message>
    <message>
        <source>A section has no name: name it or remove it.</source>
        <translation>有一个部分没有名称：请填写名称或删除它。</translation>
    </message>
    <message>
        <source>The section name “{name}” is longer than 40 characters.</source>
        <translation>部分名称“{name}”超过 40 个字。</translation>
    </message>
    <message>
        <source>There are two sections named “{name}”.</source>
        <translation>有两个部分都叫“{name}”。</translation>
    </message>
    <message>
        <source>The weight of section “{name}” is {weight}: a weight is a whole number from 1 to 100.</source>
        <translation>部分“{name}”的权重是 {weight}：权重应为 1 到 100 的整数。</translation>
    </message>
    <message>
        <source>Section “{name}” has no items: add at least one.</source>
        <translation>部分“{name}”没有评分项：请至少添加一项。</translation>
    </message>
    <message>
        <source>An item of section “{name}” has no name.</source>
        <translation>部分“{name}”中有一项没有名称。</translation>
    </message>
    <message>
        <source>The item name “{name}” is longer than 40 characters.</source>
        <translation>评分项名称“{name}”超过 40 个字。</translation>
    </message>
    <message>
        <source>Section “{section}” has two items named “{name}”.</source>
        <translation>部分“{section}”中有两项都叫“{name}”。</translation>
    </message>
    <message>
        <source>The weight of item “{name}” is {weight}: a weight is a whole number from 1 to 100.</source>
        <translation>评分项“{name}”的权重是 {weight}：权重应为 1 到 100 的整数。</translation>
    </message>
    <message>
        <source>The section weights add up to {total}%, not 100%: change them so they do. Nothing was saved.</source>
        <translation>各部分权重合计为 {total}%，不是 100%：请调整到合计 100%。未保存任何内容。</translation>
    </message>
    <message>
        <source>That scorecard no longer exists: reopen the quality-control page.</source>
        <translation>该评分表已不存在：请重新打开质检页面。</translation>
    </message>
    <message>
        <source>Quality-control scorecard: {card}</source>
        <translation>质检评分表：{card}</translation>
    </message>
    <message>
        <source>Enter the reviewer's name (your name in Settings) before scoring an item.</source>
        <translation>评分前请填写质检员姓名（设置中的“你的名字”）。</translation>
    </message>
    <message>
        <source>Give “{name}” its points (0–100).</source>
        <translation>请给“{name}”打分（0–100）。</translation>
    </message>
    <message>
        <source>“{name}” has {points} points: give 0 to 100.</source>
        <translation>“{name}”是 {points} 分：请打 0 到 100 分。</translation>
    </message>
    <message>
        <source>The scorecard has changed since this form was opened: open the item again.</source>
        <translation>打开此表单后评分表已更改：请重新打开该件。</translation>
    </message>
    <message>
        <source>A month like 2026-11 is expected, not “{month}”.</source>
        <translation>月份应写成 2026-11 这样的格式，而不是“{month}”。</translation>
    </message>
    <message>
        <source>Coaching: {name}</source>
        <translation>辅导：{name}</translation>
    </message>
    <message>
        <source>Start with what went well, agree the direction together, and check again on the follow-up day: coaching is help, not fault-finding.</source>
        <translation>先肯定做得好的地方，再一起商定改进方向，到复查日再检查一次：辅导是帮助，不是挑错。</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>做得好的地方</translation>
    </message>
    <message>
        <source>The problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Agreed direction</source>
        <translation>商定的改进方向</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>辅导</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Day score</source>
        <translation>当天得分</translation>
    </message>
    <message>
        <source>Banned phrases</source>
        <translation>禁语</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Rule used</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>定额</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>处理件数</translation>
    </message>
    <message>
        <source>With a banned phrase</source>
        <translation>含禁语</translation>
    </message>
    <message>
        <source>Share checked</source>
        <translation>抽检比例</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Open, not yet acknowledged</source>
        <translation>进行中，客服未确认</translation>
    </message>
    <message>
        <source>Open, acknowledged</source>
        <translation>进行中，客服已确认</translation>
    </message>
    <message>
        <source>Why it is good</source>
        <translation>优秀之处</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>标记人</translation>
    </message>
    <message>
        <source>Marked on</source>
        <translation>标记日期</translation>
    </message>
    <message>
        <source>First reviewer</source>
        <translation>质检员一</translation>
    </message>
    <message>
        <source>Second reviewer</source>
        <translation>质检员二</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>First</source>
        <translation>第一人</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>第二人</translation>
    </message>
    <message>
        <source>Texts with a banned phrase</source>
        <translation>含禁语条数</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Draw the sample</source>
        <translation>抽取样本</translation>
    </message>
    <message>
        <source>Scorecard…</source>
        <translation>评分表…</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>公平性</translation>
    </message>
    <message>
        <source>Good handling</source>
        <translation>优秀处理</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Banned-phrase sweep</source>
        <translation>禁语排查</translation>
    </message>
    <message>
        <source>Score…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <source>Coaching…</source>
        <translation>辅导…</translation>
    </message>
    <message>
        <source>Mark as good handling…</source>
        <translation>标为优秀处理…</translation>
    </message>
    <message>
        <source>Agent acknowledges…</source>
        <translation>客服确认…</translation>
    </message>
    <message>
        <source>Close after the follow-up…</source>
        <translation>复查后结束…</translation>
    </message>
    <message>
        <source>Search: words of the reply, the note or a name</source>
        <translation>搜索：答复内容、点评或姓名</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The sample of {day} has not been drawn yet.</source>
        <translation>{day} 的样本还没有抽取。</translation>
    </message>
    <message>
        <source>{agents} agent(s), {items} item(s) to check; pass mark {mark}.</source>
        <translation>{agents} 名客服，待质检 {items} 件；合格线 {mark} 分。</translation>
    </message>
    <message>
        <source>The same rule for everyone: {rule}
Drawn {when} by {who} with seed {seed}: the same seed draws the same items again.</source>
        <translation>所有人适用同一规则：{rule}
由 {who} 于 {when} 抽取，种子 {seed}：用同一种子会抽出同样的件。</translation>
    </message>
    <message>
        <source>Items of {month} scored by two reviewers: the difference per section shows where the reviewers read the card differently.</source>
        <translation>{month} 由两名质检员评分的件：各部分的差异显示两人对评分表理解不同的地方。</translation>
    </message>
    <message>
        <source>Coaching follow-ups due: {list}</source>
        <translation>到期的辅导复查：{list}</translation>
    </message>
    <message>
        <source>Sample of {day} drawn: {items} item(s).</source>
        <translation>已抽取 {day} 的样本：{items} 件。</translation>
    </message>
    <message>
        <source>Scored {title}: {total} points.</source>
        <translation>已评分 {title}：{total} 分。</translation>
    </message>
    <message>
        <source>Said “{phrases}” to a customer ({title}).</source>
        <translation>对客户说了“{phrases}”（{title}）。</translation>
    </message>
    <message>
        <source>What makes it good (others will learn from it):</source>
        <translation>好在哪里（供大家学习）：</translation>
    </message>
    <message>
        <source>Agent acknowledges</source>
        <translation>客服确认</translation>
    </message>
    <message>
        <source>{name} has read the record. Their own words (optional):</source>
        <translation>{name} 已阅读记录。本人的话（可不填）：</translation>
    </message>
    <message>
        <source>Close the coaching record</source>
        <translation>结束辅导记录</translation>
    </message>
    <message>
        <source>What did the follow-up check find?</source>
        <translation>复查发现了什么？</translation>
    </message>
    <message>
        <source>Scorecard saved.</source>
        <translation>评分表已保存。</translation>
    </message>
    <message>
        <source>{hits} text(s) with a banned phrase among {checked} checked.</source>
        <translation>检查了 {checked} 件，其中 {hits} 条含禁语。</translation>
    </message>
    <message>
        <source>Quality control</source>
        <translation>客服质检</translation>
    </message>
    <message>
        <source>Score: {title}</source>
        <translation>评分：{title}</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>点评</translation>
    </message>
    <message>
        <source>overall comment (what went well, what to work on)</source>
        <translation>总评（做得好的地方、需要改进的地方）</translation>
    </message>
    <message>
        <source>Total: {total} points</source>
        <translation>总分：{total} 分</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>权重 %</translation>
    </message>
    <message>
        <source>Items (、 between; ×2 for double)</source>
        <translation>评分项（用“、”分隔；×2 表示双倍权重）</translation>
    </message>
    <message>
        <source>Add a section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <source>Remove the section</source>
        <translation>删除部分</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>合格线</translation>
    </message>
    <message>
        <source>The weight of section “{name}” is “{weight}”: type a whole number.</source>
        <translation>部分“{name}”的权重是“{weight}”：请输入整数。</translation>
    </message>
    <message>
        <source>Sections add up to {total}%</source>
        <translation>各部分合计 {total}%</translation>
    </message>
    <message>
        <source>&amp;Quality control…</source>
        <translation>客服质检(&amp;Q)…</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>客户问题</translation>
    </message>
    <message>
        <source>Drawn as</source>
        <translation>抽取方式</translation>
    </message>
    <message>
        <source>Scorecard name</source>
        <translation>评分表名称</translation>
    </message>
    <message>
        <source>Sample score</source>
        <translation>示例评分</translation>
    </message>
    <message>
        <source>Quality control: {days} day(s) sampled, {scores} item(s) scored, {coached} coaching record(s) open.</source>
        <translation>客服质检：已抽检 {days} 天，评分 {scores} 件，进行中的辅导 {coached} 项。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>每人</translation>
    </message>
    <message>
        <source>new hire</source>
        <translation>新员工</translation>
    </message>
    <message>
        <source>after two bad days</source>
        <translation>连续两天不合格后</translation>
    </message>
    <message>
        <source>Items checked a day</source>
        <translation>每天抽检件数</translation>
    </message>
    <message>
        <source>a date like 2026-11-16 is expected: {text}</source>
        <translation>需要形如 2026-11-16 的日期：{text}</translation>
    </message>
    <message>
        <source>quality control: the day's sample and the month's report</source>
        <translation>客服质检：当天的抽检和当月的报告</translation>
    </message>
    <message>
        <source>the items to check for every agent who worked on a day (drawn once, then kept)</source>
        <translation>当天上班的每位客服需要抽检的条目（抽取一次后保留）</translation>
    </message>
    <message>
        <source>the working day (default: yesterday)</source>
        <translation>工作日（默认：昨天）</translation>
    </message>
    <message>
        <source>print JSON (one object)</source>
        <translation>输出 JSON（一个对象）</translation>
    </message>
    <message>
        <source>each agent's quality in a month</source>
        <translation>每位客服当月的服务质量</translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Three questions about your branch. You can change every answer later under 文件 › 设置.</source>
        <translation>关于网点的三个问题。以后都可以在 文件 › 设置 中修改。</translation>
    </message>
    <message>
        <source>e.g. 海曙药行街网点</source>
        <translation>例如 海曙药行街网点</translation>
    </message>
    <message>
        <source>Addresses that name no city are then read as in this district.</source>
        <translation>没写城市的地址，将按这个区县来理解。</translation>
    </message>
    <message>
        <source>Not a city or district BranchDesk knows: write it as on an address.</source>
        <translation>这不是网点服务台认识的城市或区县：请按地址上的写法填写。</translation>
    </message>
    <message>
        <source>Read as: {region}</source>
        <translation>识别为：{region}</translation>
    </message>
    <message>
        <source>Owner PIN (optional)</source>
        <translation>店主密码（可选）</translation>
    </message>
    <message>
        <source>A PIN keeps the owner's actions (replacing tables, restoring a backup, changing settings) to the owner. Leave it empty to set it later under 店主 › 店主密码.</source>
        <translation>设置密码后，店主操作（替换表格、恢复备份、修改设置）只有店主能做。留空则以后在 店主 › 店主密码 中设置。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <source>How do you want to start?</source>
        <translation>想怎样开始？</translation>
    </message>
    <message>
        <source>Try the sample branch first (an example you replace with your own tables)</source>
        <translation>先试用示例网点（示例数据，之后用本网点的表格替换）</translation>
    </message>
    <message>
        <source>Import my branch's area table now (派件区域表, from Excel)</source>
        <translation>现在导入本网点的派件区域表（Excel）</translation>
    </message>
    <message>
        <source>Start empty; I import my tables later</source>
        <translation>先空着，稍后再导入表格</translation>
    </message>
    <message>
        <source>Set up BranchDesk</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <source>Setup &amp;wizard…</source>
        <translation>初始设置向导(&amp;W)…</translation>
    </message>
    <message>
        <source>There is no agent named “{name}”: see “branchdesk team list” for the names.</source>
        <translation>没有名为“{name}”的客服：用“branchdesk team list”查看姓名。</translation>
    </message>
    <message>
        <source>No agents yet: the owner adds them in the team dialog (团队).</source>
        <translation>还没有客服：请店主在“团队”对话框中添加。</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>{name} signed in.</source>
        <translation>{name} 已签到。</translation>
    </message>
    <message>
        <source>{name} signed out.</source>
        <translation>{name} 已签退。</translation>
    </message>
    <message>
        <source>{name} was not signed in: nothing to sign out.</source>
        <translation>{name} 未签到，无需签退。</translation>
    </message>
    <message>
        <source>No contacts logged on {day}.</source>
        <translation>{day} 没有登记的接待记录。</translation>
    </message>
    <message>
        <source>{count} contact(s).</source>
        <translation>共 {count} 条接待记录。</translation>
    </message>
    <message>
        <source>change the service team</source>
        <translation>修改客服团队</translation>
    </message>
    <message>
        <source>The employee number is longer than 20 characters: shorten it.</source>
        <translation>工号超过 20 个字符，请缩短。</translation>
    </message>
    <message>
        <source>Agent “{name}” added</source>
        <translation>添加客服“{name}”</translation>
    </message>
    <message>
        <source>An agent cannot stand in for themselves: pick someone else.</source>
        <translation>客服不能给自己代班，请选择其他人。</translation>
    </message>
    <message>
        <source>Agent “{name}” changed</source>
        <translation>修改客服“{name}”</translation>
    </message>
    <message>
        <source>Agent “{old}” renamed to “{name}”</source>
        <translation>客服“{old}”改名为“{name}”</translation>
    </message>
    <message>
        <source>“{month}” is not a month: write it like 2026-11.</source>
        <translation>“{month}”不是有效月份，请写成 2026-11 这样。</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Switch agent…</source>
        <translation>换人(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out (签退)</source>
        <translation>签退(&amp;O)</translation>
    </message>
    <message>
        <source>Team and &amp;attendance…</source>
        <translation>团队与考勤(&amp;A)…</translation>
    </message>
    <message>
        <source>Who is working at this PC (Ctrl+Shift+A switches)</source>
        <translation>当前在这台电脑上值班的人（Ctrl+Shift+A 换人）</translation>
    </message>
    <message>
        <source>Working: {name}</source>
        <translation>当前值班：{name}</translation>
    </message>
    <message>
        <source>Working: nobody picked</source>
        <translation>当前值班：未选择</translation>
    </message>
    <message>
        <source>No agents yet: add the team under Team → Team and attendance.</source>
        <translation>还没有客服：请在“团队 → 团队与考勤”中添加。</translation>
    </message>
    <message>
        <source>{name} signed in: what you log is recorded under this name.</source>
        <translation>{name} 已签到：此后登记的内容都记在这个名字下。</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>谁在值班？</translation>
    </message>
    <message>
        <source>Pick your name: what you log is recorded under it.</source>
        <translation>请选择你的名字：你登记的内容都会记在这个名字下。</translation>
    </message>
    <message>
        <source>Now working: {name}. Pick who takes over.</source>
        <translation>当前值班：{name}。请选择接班的人。</translation>
    </message>
    <message>
        <source>Start working</source>
        <translation>开始值班</translation>
    </message>
    <message>
        <source>Sign out (签退)</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Stand-in</source>
        <translation>代班人</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Not signed out</source>
        <translation>未签退</translation>
    </message>
    <message>
        <source>Team and attendance</source>
        <translation>团队与考勤</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Show inactive agents</source>
        <translation>显示已停用的客服</translation>
    </message>
    <message>
        <source>Active (deactivate when the agent leaves)</source>
        <translation>在职（离职时取消勾选）</translation>
    </message>
    <message>
        <source>Employee no. (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>The stand-in takes the agent's new items on a day the agent has not signed in. Changing the team is the owner's: with an owner PIN set, it is asked for.</source>
        <translation>客服当天未签到时，新的事项交给代班人。修改团队属于店主操作：设置了店主密码时需要输入。</translation>
    </message>
    <message>
        <source>New agent</source>
        <translation>新增客服</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>A new agent: fill in the name and save.</source>
        <translation>新客服：填写姓名后保存。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>{count} shift(s) were never signed out and had no later contact: they count no hours. Remind the agents to sign out (签退).</source>
        <translation>有 {count} 个班次没有签退，之后也没有接待记录：不计工时。请提醒客服下班签退。</translation>
    </message>
    <message>
        <source>A shift not signed out counts until the agent's last contact that day.</source>
        <translation>没有签退的班次按当天最后一条接待记录计算工时。</translation>
    </message>
    <message>
        <source>That contact no longer exists: refresh the list.</source>
        <translation>该接待记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>登记接待(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Contacts…</source>
        <translation>接待记录(&amp;C)…</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>登记接待</translation>
    </message>
    <message>
        <source>scan or type; the customer and courier follow</source>
        <translation>扫码或输入；客户和业务员会自动带出</translation>
    </message>
    <message>
        <source>what the customer asked, in a few words</source>
        <translation>客户问了什么，几个字即可</translation>
    </message>
    <message>
        <source>(no script: write the reply)</source>
        <translation>（不用话术，直接写回复）</translation>
    </message>
    <message>
        <source>Reply given</source>
        <translation>给客户的回复</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Nobody is picked as working: the contact is logged without an agent.</source>
        <translation>当前没有选择值班人员：这条接待记录不记在任何客服名下。</translation>
    </message>
    <message>
        <source>Courier: {facts}</source>
        <translation>业务员：{facts}</translation>
    </message>
    <message>
        <source>Not in the waybill list.</source>
        <translation>运单列表中没有这个单号。</translation>
    </message>
    <message>
        <source>Contact logged.</source>
        <translation>接待已登记。</translation>
    </message>
    <message>
        <source>Search questions, replies, customers, phones, waybill numbers…</source>
        <translation>搜索问题、回复、客户、电话、运单号…</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>登记接待…</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>跟进完成</translation>
    </message>
    <message>
        <source>{count} contact(s)</source>
        <translation>共 {count} 条接待记录</translation>
    </message>
    <message>
        <source>{count}+ contacts: scroll for more</source>
        <translation>{count} 条以上：向下滚动查看更多</translation>
    </message>
    <message>
        <source>Customer's question</source>
        <translation>客户问题</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <source>Unknown kind of item “{kind}”.</source>
        <translation>未知的事项类型“{kind}”。</translation>
    </message>
    <message>
        <source>Not assigned ({reason}).</source>
        <translation>未分配（{reason}）。</translation>
    </message>
    <message>
        <source>Assigned to {name} ({reason}).</source>
        <translation>已分配给 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>Assigned: {list}.</source>
        <translation>已分配：{list}。</translation>
    </message>
    <message>
        <source>Not assigned (no owner found): {count}.</source>
        <translation>未分配（未找到负责人）：{count} 条。</translation>
    </message>
    <message>
        <source>reassigned to {name}</source>
        <translation>改派给 {name}</translation>
    </message>
    <message>
        <source>the name is longer than 60 characters; shorten it</source>
        <translation>名称超过 60 个字，请缩短</translation>
    </message>
    <message>
        <source>a daily volume between 0 and 1,000,000 parcels is expected</source>
        <translation>日均件量应在 0 到 1,000,000 件之间</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Daily volume</source>
        <translation>日均件量</translation>
    </message>
    <message>
        <source>the same customer already appears in row {row}</source>
        <translation>同一客户已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>the same phone already appears in row {row}</source>
        <translation>同一电话已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>“{name}” is not in the team; add the agent under 团队 first, or correct the name</source>
        <translation>“{name}”不在团队中；请先在“团队”中添加该客服，或改正姓名</translation>
    </message>
    <message>
        <source>this customer is already in the customer list</source>
        <translation>该客户已在客户表中</translation>
    </message>
    <message>
        <source>a customer with this phone is already in the list</source>
        <translation>客户表中已有使用这个电话的客户</translation>
    </message>
    <message>
        <source>Sending customers</source>
        <translation>发件客户</translation>
    </message>
    <message>
        <source>Area keyword</source>
        <translation>区域关键词</translation>
    </message>
    <message>
        <source>{number} is not a whole phone number: a mobile has 11 digits, a landline its area code (0574-87654321)</source>
        <translation>{number} 不是完整的电话号码：手机号是 11 位，固定电话要带区号（0574-87654321）</translation>
    </message>
    <message>
        <source>Enter the customer's name.</source>
        <translation>请输入客户名称。</translation>
    </message>
    <message>
        <source>The customer's name is longer than 60 characters: shorten it.</source>
        <translation>客户名称超过 60 个字，请缩短。</translation>
    </message>
    <message>
        <source>The customer “{name}” (or that phone) is already in the list.</source>
        <translation>客户“{name}”（或这个电话）已在客户表中。</translation>
    </message>
    <message>
        <source>Customer “{name}” added</source>
        <translation>添加客户“{name}”</translation>
    </message>
    <message>
        <source>That customer no longer exists: reopen the list.</source>
        <translation>该客户已不存在，请重新打开列表。</translation>
    </message>
    <message>
        <source>Customer “{name}” now owned by {owner}</source>
        <translation>客户“{name}”改由 {owner} 负责</translation>
    </message>
    <message>
        <source>Customer “{name}” deleted</source>
        <translation>删除客户“{name}”</translation>
    </message>
    <message>
        <source>Unknown kind of ownership “{kind}”.</source>
        <translation>未知的负责类型“{kind}”。</translation>
    </message>
    <message>
        <source>Enter the courier's name or the area keyword.</source>
        <translation>请输入业务员姓名或区域关键词。</translation>
    </message>
    <message>
        <source>The name is longer than 60 characters: shorten it.</source>
        <translation>名称超过 60 个字，请缩短。</translation>
    </message>
    <message>
        <source>{kind} “{value}” now owned by {agent}</source>
        <translation>{kind}“{value}”改由 {agent} 负责</translation>
    </message>
    <message>
        <source>{kind} “{value}” no longer owned</source>
        <translation>{kind}“{value}”不再指定负责人</translation>
    </message>
    <message>
        <source>by sending customer {name}</source>
        <translation>按发件客户 {name}</translation>
    </message>
    <message>
        <source>by area {keyword}</source>
        <translation>按区域 {keyword}</translation>
    </message>
    <message>
        <source>by courier {name}</source>
        <translation>按业务员 {name}</translation>
    </message>
    <message>
        <source>no owner found</source>
        <translation>未找到负责人</translation>
    </message>
    <message>
        <source>{owner} has not signed in today</source>
        <translation>{owner} 今天未签到</translation>
    </message>
    <message>
        <source>{owner} has left</source>
        <translation>{owner} 已离职</translation>
    </message>
    <message>
        <source>{reason}; {why}: stand-in {standin}</source>
        <translation>{reason}；{why}，由代班人 {standin} 处理</translation>
    </message>
    <message>
        <source>&amp;My queue…</source>
        <translation>我的待办(&amp;M)…</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Why it is yours</source>
        <translation>分配原因</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>改派给</translation>
    </message>
    <message>
        <source>{count} open item(s)</source>
        <translation>{count} 项待办</translation>
    </message>
    <message>
        <source>History: {steps}</source>
        <translation>分配记录：{steps}</translation>
    </message>
    <message>
        <source>{item} reassigned to {name}.</source>
        <translation>{item} 已改派给 {name}。</translation>
    </message>
    <message>
        <source>Customers and ownership</source>
        <translation>客户与分工</translation>
    </message>
    <message>
        <source>Search customers by name or phone…</source>
        <translation>按名称或电话搜索客户…</translation>
    </message>
    <message>
        <source>Give the selected customers to</source>
        <translation>把选中的客户交给</translation>
    </message>
    <message>
        <source>Import a customer list…</source>
        <translation>导入客户表…</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>Sending customers (发件客户)</source>
        <translation>发件客户</translation>
    </message>
    <message>
        <source>Owns</source>
        <translation>负责</translation>
    </message>
    <message>
        <source>Courier or keyword</source>
        <translation>业务员或关键词</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>A new complaint or contact goes to the owner of the waybill's sending customer, else of an area keyword in its address, else of its courier; to the stand-in when the owner has not signed in that day.</source>
        <translation>新的投诉或接待先按运单的发件客户分配，其次按地址中的区域关键词，再按派件业务员；负责人当天未签到时交给代班人。</translation>
    </message>
    <message>
        <source>Couriers and areas</source>
        <translation>业务员与区域</translation>
    </message>
    <message>
        <source>Branch owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Sample team: {agents} agents (one a new hire), {customers} sending customers, {contacts} contacts over the last month, {assigned} complaint(s) assigned.</source>
        <translation>示例团队：{agents} 名客服（其中一名新员工），{customers} 个发件客户，近一个月 {contacts} 条接待记录，已分配 {assigned} 条投诉。</translation>
    </message>
    <message>
        <source>taken by {name}, who follows it up</source>
        <translation>由接待的 {name} 跟进</translation>
    </message>
    <message>
        <source>Team changed</source>
        <translation>修改团队</translation>
    </message>
    <message>
        <source>(1-2 characters search the newest {depth:,} contacts; type 3 or more to search them all)</source>
        <translation>（1–2 个字只搜索最新的 {depth:,} 条接待记录；输入 3 个字以上可搜索全部）</translation>
    </message>
    <message>
        <source>{owner} has left and has no stand-in</source>
        <translation>{owner} 已离职，且没有代班人</translation>
    </message>
    <message>
        <source>the service team: agents, sign-in and sign-out, contacts</source>
        <translation>客服团队：人员、签到签退、接待记录、工资结算单</translation>
    </message>
    <message>
        <source>the team: name, employee number, role, signed in today</source>
        <translation>团队名单：姓名、工号、岗位、今天是否签到</translation>
    </message>
    <message>
        <source>also the deactivated agents</source>
        <translation>也列出已停用的客服</translation>
    </message>
    <message>
        <source>sign an agent in (starts the day's shift)</source>
        <translation>客服签到（开始当天的班次）</translation>
    </message>
    <message>
        <source>the agent's name, as in the team list</source>
        <translation>客服姓名（与团队名单一致）</translation>
    </message>
    <message>
        <source>sign an agent out (ends the open shift)</source>
        <translation>客服签退（结束当前班次）</translation>
    </message>
    <message>
        <source>the contacts logged on a day</source>
        <translation>某一天登记的接待记录</translation>
    </message>
    <message>
        <source>the day (default: today)</source>
        <translation>日期（默认：今天）</translation>
    </message>
    <message>
        <source>Give the month: print statement --month 2026-11 -o FILE.pdf</source>
        <translation>请给出月份：print statement --month 2026-11 -o 文件.pdf</translation>
    </message>
    <message>
        <source>print the handbook, vehicle sheets, an exam, results, problem-parcel slips, an operation guide or the month's pay statements</source>
        <translation>打印处罚手册、车载单、考卷、成绩、问题件提醒单、操作指南或当月工资结算单</translation>
    </message>
    <message>
        <source>results: one employee's results; statement: one agent's</source>
        <translation type="vanished">成绩：只打印一名员工的成绩；结算单：只打印一名客服的</translation>
    </message>
    <message>
        <source>analysis: the month (default: this one); statement: the month</source>
        <translation>投诉分析：月份（默认：本月）；结算单：月份</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>等你处理</translation>
    </message>
    <message>
        <source>Open my queue</source>
        <translation>打开我的待办</translation>
    </message>
    <message>
        <source>Pick your name (团队 › 换人) to see what waits for you.</source>
        <translation>请先选择你的名字（团队 › 换人），才能看到等你处理的事项。</translation>
    </message>
    <message>
        <source>{name}: {complaints} complaint(s) and {contacts} follow-up(s) are yours.</source>
        <translation>{name}：有 {complaints} 件投诉、{contacts} 条待跟进接待归你处理。</translation>
    </message>
    <message>
        <source>Open quality control</source>
        <translation>打开客服质检</translation>
    </message>
    <message>
        <source>{count} coaching follow-up(s) are due.</source>
        <translation>有 {count} 条辅导跟进已到期。</translation>
    </message>
    <message>
        <source>No coaching follow-up is due. Yesterday's sample is drawn there.</source>
        <translation>没有到期的辅导跟进。昨天的抽检也在那里抽取。</translation>
    </message>
    <message>
        <source>called the customer</source>
        <translation>已致电客户</translation>
    </message>
    <message>
        <source>Sample complaints: {count} over the last month, {open} still open.</source>
        <translation>示例投诉：近一个月 {count} 条，其中 {open} 条未结。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation type="vanished">示例数据</translation>
    </message>
    <message>
        <source>Sample pay rates: {rates}.</source>
        <translation>示例计件单价：{rates}。</translation>
    </message>
    <message>
        <source>Removing the sample changes data: add --yes to confirm.</source>
        <translation>移除示例数据会改动数据：加上 --yes 确认。</translation>
    </message>
    <message>
        <source>Remove the sample branch (your own data stays)? [y/N] </source>
        <translation>移除示例网点（本网点自己的数据保留）？[y/N] </translation>
    </message>
    <message>
        <source>This branch has no sample data to remove.</source>
        <translation>本网点没有可移除的示例数据。</translation>
    </message>
    <message>
        <source>Backup taken before: {path}</source>
        <translation>移除前已备份：{path}</translation>
    </message>
    <message>
        <source>remove the sample branch instead (a backup first; your own data stays)</source>
        <translation>改为移除示例网点（先备份；本网点自己的数据保留）</translation>
    </message>
    <message>
        <source>Sample branch removed</source>
        <translation>已移除示例网点</translation>
    </message>
    <message>
        <source>Removed the sample branch: {imports} sample import(s) undone, {guides} guide(s), {agents} agent(s) with their work, {complaints} complaint(s). Your own data is kept.</source>
        <translation>已移除示例网点：撤销示例导入 {imports} 次，删除指南 {guides} 篇、客服 {agents} 人及其工作记录、投诉 {complaints} 条。本网点自己的数据均已保留。</translation>
    </message>
    <message>
        <source>Remove the sample…</source>
        <translation>移除示例数据…</translation>
    </message>
    <message>
        <source>You are looking at the SAMPLE branch (示例数据). Import your branch's own tables under 数据; when you are ready, remove the sample in one step.</source>
        <translation>当前显示的是示例网点（示例数据）。请在“数据”页导入本网点自己的表格；准备好后，一步即可移除示例数据。</translation>
    </message>
    <message>
        <source>&amp;Remove the sample branch…</source>
        <translation>移除示例数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the sample branch</source>
        <translation>移除示例数据</translation>
    </message>
    <message>
        <source>Remove the sample branch? Its tables, waybills, handbook, guides, agents with their contacts and shifts, complaints, QC records and pay rates go. What you imported or logged yourself stays.

A backup is made first (数据 › 备份), so this can be taken back by restoring it.</source>
        <translation type="vanished">移除示例网点？示例的表格、运单、罚款手册、操作指南、客服及其接待和考勤记录、投诉、质检记录和计件单价都会删除。您自己导入或登记的内容保留。

移除前会先自动备份（数据 › 备份），需要时可以恢复该备份找回。</translation>
    </message>
    <message>
        <source>Backup before: {name}</source>
        <translation>移除前的备份：{name}</translation>
    </message>
    <message>
        <source>Delivery-area table</source>
        <translation>派件区域表</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>发件路由表</translation>
    </message>
    <message>
        <source>Arrival-time table</source>
        <translation>到达时效表</translation>
    </message>
    <message>
        <source>Who delivers here?</source>
        <translation>这里由谁派送？</translation>
    </message>
    <message>
        <source>Which areas does this courier deliver?</source>
        <translation>这位业务员负责哪些区域？</translation>
    </message>
    <message>
        <source>Which route or hub does a parcel to this destination take?</source>
        <translation>寄往这里走哪条路由、哪个中转？</translation>
    </message>
    <message>
        <source>How many days to arrive?</source>
        <translation>几天到达？</translation>
    </message>
    <message>
        <source>What is the fine?</source>
        <translation>罚款多少？</translation>
    </message>
    <message>
        <source>How is it avoided?</source>
        <translation>怎样避免？</translation>
    </message>
    <message>
        <source>Which complaint category is this?</source>
        <translation>这属于哪类问题？</translation>
    </message>
    <message>
        <source> … and {count} more</source>
        <translation type="vanished"> …… 另有 {count} 处</translation>
    </message>
    <message>
        <source>Name: {name}    Date: ＿＿＿＿    Score: ＿＿ / {count}</source>
        <translation>姓名：{name}    日期：＿＿＿＿    得分：＿＿ / {count}</translation>
    </message>
    <message>
        <source>{question} Write from memory; check against the key afterwards.</source>
        <translation>{question} 凭记忆默写，写完再对照答案。</translation>
    </message>
    <message>
        <source>For the mentor: do not hand out with the sheet.</source>
        <translation>带教师傅留存：不要和默写纸一起发出。</translation>
    </message>
    <message>
        <source>{days} day(s)</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>A grade is 1 (again), 2 (hard), 3 (good) or 4 (easy).</source>
        <translation>评分只能是 1（忘了）、2（困难）、3（记得）或 4（简单）。</translation>
    </message>
    <message>
        <source>This card's row is no longer in the table; the drill moves on to the next card.</source>
        <translation>这张卡片对应的行已不在表中，练习转到下一张。</translation>
    </message>
    <message>
        <source>Unknown table {deck}: use one of {decks}.</source>
        <translation>没有表 {deck}：请用 {decks} 之一。</translation>
    </message>
    <message>
        <source>{table} has no rows to copy out yet: import it under 数据 first.</source>
        <translation>{table}还没有可默写的内容：请先在“数据”页导入。</translation>
    </message>
    <message>
        <source>Copy-out sheet: {table}</source>
        <translation>默写：{table}</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Start today's drill</source>
        <translation>开始今日练习</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>练习人：</translation>
    </message>
    <message>
        <source>Show answer  (Space)</source>
        <translation>看答案  (空格)</translation>
    </message>
    <message>
        <source>1 Again</source>
        <translation>1 忘了</translation>
    </message>
    <message>
        <source>2 Hard</source>
        <translation>2 困难</translation>
    </message>
    <message>
        <source>3 Good</source>
        <translation>3 记得</translation>
    </message>
    <message>
        <source>4 Easy</source>
        <translation>4 简单</translation>
    </message>
    <message>
        <source>Print copy-out sheet…</source>
        <translation>打印默写纸…</translation>
    </message>
    <message>
        <source>Mastered, per table</source>
        <translation>各表掌握程度</translation>
    </message>
    <message>
        <source>Copy-out sheet (默写) with an answer key:</source>
        <translation>默写纸（附答案页）：</translation>
    </message>
    <message>
        <source>Press “Start today's drill”: about 15 minutes of the branch's own tables.</source>
        <translation>点“开始今日练习”：用本网点自己的表练约 15 分钟。</translation>
    </message>
    <message>
        <source>Add the team first (团队 › 团队与考勤): each employee drills as themselves.</source>
        <translation>请先添加团队成员（团队 › 团队与考勤）：每人用自己的名字练习。</translation>
    </message>
    <message>
        <source>{table} mastered {percent}%</source>
        <translation>{table} 已掌握 {percent}%</translation>
    </message>
    <message>
        <source>{mastered} of {cards} card(s) mastered, {seen} seen</source>
        <translation>共 {cards} 张，已掌握 {mastered} 张，练过 {seen} 张</translation>
    </message>
    <message>
        <source>No cards: the table is not imported yet.</source>
        <translation>没有卡片：这张表还没导入。</translation>
    </message>
    <message>
        <source>Nothing to drill today: every card is learned and none is due. Well done.</source>
        <translation>今天没有要练的：卡片都学过了，也没有到期的。做得好！</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>you looked this up</source>
        <translation>你查过这里</translation>
    </message>
    <message>
        <source>Both are right: the area table gives this place to {names}; ask the customer for the house number or building to tell.</source>
        <translation>都算对：区域表把这里分给了 {names}；请向客户问清门牌号或楼栋再判断。</translation>
    </message>
    <message>
        <source>Today's drill is done: {count} card(s) in {minutes} min.</source>
        <translation>今日练习完成：{count} 张，用时 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Today's drill</source>
        <translation>今日练习</translation>
    </message>
    <message>
        <source>Start the drill</source>
        <translation>开始练习</translation>
    </message>
    <message>
        <source>Pick your name (团队 › 换人) to see your drill.</source>
        <translation>请先选择你的名字（团队 › 换人）再看你的练习。</translation>
    </message>
    <message>
        <source>{name}: {due} card(s) due, {new} not learned yet. About 15 minutes.</source>
        <translation>{name}：{due} 张到期，{new} 张未学。约 15 分钟。</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Card %v of %m</source>
        <translation>第 %v 张，共 %m 张</translation>
    </message>
    <message>
        <source>Time {minutes:02d}:{seconds:02d} of {limit} min</source>
        <translation>用时 {minutes:02d}:{seconds:02d}（共 {limit} 分钟）</translation>
    </message>
    <message>
        <source>Training plan changed</source>
        <translation>修改培训计划</translation>
    </message>
    <message>
        <source>change the training plan or a trainee's mentor</source>
        <translation>修改培训计划或新人的带教师傅</translation>
    </message>
    <message>
        <source>Business overview</source>
        <translation>业务概览</translation>
    </message>
    <message>
        <source>Rules and attitude</source>
        <translation>制度与心态</translation>
    </message>
    <message>
        <source>Shadowing a senior agent</source>
        <translation>跟班学习</translation>
    </message>
    <message>
        <source>Look up addresses and parcels</source>
        <translation>查件派件</translation>
    </message>
    <message>
        <source>Answer customers</source>
        <translation>接待客户</translation>
    </message>
    <message>
        <source>Handle complaints</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Read the operation guides with the mentor</source>
        <translation>跟师傅读完操作指南</translation>
    </message>
    <message>
        <source>Delivery-area table mastered</source>
        <translation>背熟派件区域表</translation>
    </message>
    <message>
        <source>Route table mastered</source>
        <translation>背熟发件路由表</translation>
    </message>
    <message>
        <source>Arrival-time table mastered</source>
        <translation>背熟到达时效表</translation>
    </message>
    <message>
        <source>Penalty handbook copied out and recited</source>
        <translation>处罚手册抄写背诵</translation>
    </message>
    <message>
        <source>Handbook exam passed</source>
        <translation>处罚手册考试合格</translation>
    </message>
    <message>
        <source>Reply scripts mastered</source>
        <translation>熟记回复话术</translation>
    </message>
    <message>
        <source>Service attitude, assessment and pay rules explained</source>
        <translation>讲解服务意识、考核制度与薪酬办法</translation>
    </message>
    <message>
        <source>Complaints handled beside the mentor</source>
        <translation>在师傅指导下处理投诉</translation>
    </message>
    <message>
        <source>Mentor's verdict: ready to work alone</source>
        <translation>师傅评定：可以独立上岗</translation>
    </message>
    <message>
        <source>{table} mastered ≥ {percent}%</source>
        <translation>{table}掌握 ≥ {percent}%</translation>
    </message>
    <message>
        <source>Handbook exam ≥ {points} points</source>
        <translation>处罚手册考试 ≥ {points} 分</translation>
    </message>
    <message>
        <source>Guide “{title}” read, checklist done</source>
        <translation>读完指南“{title}”，逐项核对完毕</translation>
    </message>
    <message>
        <source>Every operation guide read, checklist done</source>
        <translation>读完全部操作指南，逐项核对完毕</translation>
    </message>
    <message>
        <source>{count} complaints handled under the mentor</source>
        <translation>在师傅指导下处理 {count} 件投诉</translation>
    </message>
    <message>
        <source>Signed off by the mentor</source>
        <translation>由师傅签字确认</translation>
    </message>
    <message>
        <source>Unknown stage “{stage}”.</source>
        <translation>未知的阶段“{stage}”。</translation>
    </message>
    <message>
        <source>Unknown pass rule “{rule}”.</source>
        <translation>未知的考核规则“{rule}”。</translation>
    </message>
    <message>
        <source>Give the step a title, e.g. 派件区域表 背熟.</source>
        <translation>请给这一步起个名称，例如“派件区域表 背熟”。</translation>
    </message>
    <message>
        <source>The week is 1 to 26 (weeks after the start date).</source>
        <translation>周次为 1 到 26（从入职日起算）。</translation>
    </message>
    <message>
        <source>A drill step names its table: one of {decks}.</source>
        <translation>练习类步骤要指定表：{decks} 之一。</translation>
    </message>
    <message>
        <source>The pass mark is 1 to 100.</source>
        <translation>合格线为 1 到 100。</translation>
    </message>
    <message>
        <source>Say how many complaints the trainee handles (at least 1).</source>
        <translation>请填写新人要处理的投诉件数（至少 1 件）。</translation>
    </message>
    <message>
        <source>That step is no longer in the plan: reopen the page.</source>
        <translation>这一步已不在计划中：请重新打开页面。</translation>
    </message>
    <message>
        <source>A trainee cannot be their own mentor: choose a senior agent.</source>
        <translation>新人不能做自己的师傅：请选择一位老员工。</translation>
    </message>
    <message>
        <source>Rule met: waiting for the mentor's sign-off</source>
        <translation>已达标，等待师傅签字</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Reopened: its source changed</source>
        <translation>已重开：内容有变</translation>
    </message>
    <message>
        <source>no exam yet</source>
        <translation>尚未考试</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <source>This agent is not on the training plan: add them as a trainee first.</source>
        <translation>此人不在培训计划中：请先把他加为新人。</translation>
    </message>
    <message>
        <source>Say who signs off: the mentor picks their name at this PC first.</source>
        <translation>请说明由谁签字：师傅先在本机选择自己的名字。</translation>
    </message>
    <message>
        <source>“{title}” is not met yet ({shown}; the rule: {rule}). Sign it off once it is.</source>
        <translation>“{title}”尚未达标（目前 {shown}；要求：{rule}）。达标后再签字。</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>带教师傅</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>培训进度</translation>
    </message>
    <message>
        <source>not on the plan</source>
        <translation>不在计划中</translation>
    </message>
    <message>
        <source>Ready (✓) for a job once every plan step that prepares for it is passed and signed off by the mentor. Agents not on the plan count as experienced.</source>
        <translation>某项工作相关的计划步骤全部通过并由师傅签字后，即可上岗（✓）。不在计划中的客服视为老员工。</translation>
    </message>
    <message>
        <source>Trainee and mentor</source>
        <translation>新人与带教师傅</translation>
    </message>
    <message>
        <source>(no mentor yet)</source>
        <translation>（暂无师傅）</translation>
    </message>
    <message>
        <source>New hire:</source>
        <translation>新人：</translation>
    </message>
    <message>
        <source>Mentor (带教师傅):</source>
        <translation>带教师傅：</translation>
    </message>
    <message>
        <source>Started on:</source>
        <translation>入职日期：</translation>
    </message>
    <message>
        <source>The mentor signs each step off; their own results count with the new hire's. Steps fall due week by week from the start date.</source>
        <translation>每一步由师傅签字确认；新人的成绩与师傅的绩效挂钩。各步骤从入职日起按周到期。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Trainee and mentor…</source>
        <translation>新人与师傅…</translation>
    </message>
    <message>
        <source>Sign off the step</source>
        <translation>签字通过此步</translation>
    </message>
    <message>
        <source>Trainee:</source>
        <translation>新人：</translation>
    </message>
    <message>
        <source>{count} passed step(s) reopened: their source changed.</source>
        <translation>{count} 个已通过的步骤已重开：相关内容有变。</translation>
    </message>
    <message>
        <source>Nobody is on the plan yet: add a new hire and their mentor.</source>
        <translation>还没有人在培训计划中：请添加新人及其师傅。</translation>
    </message>
    <message>
        <source>Mentor: {mentor} · started {start} · {passed} of {steps} step(s) passed · {overdue} overdue</source>
        <translation>师傅：{mentor} · 入职 {start} · 已通过 {passed}/{steps} 步 · 逾期 {overdue} 步</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{mentor}'s trainees: {list}</source>
        <translation>{mentor} 带的新人：{list}</translation>
    </message>
    <message>
        <source>{name} {passed}/{steps} passed, {overdue} overdue</source>
        <translation>{name} 已通过 {passed}/{steps}，逾期 {overdue}</translation>
    </message>
    <message>
        <source>Select a step to see its rule and sign it off.</source>
        <translation>选择一步查看要求并签字。</translation>
    </message>
    <message>
        <source>Pass rule: {rule}. Prepares for: {jobs}.</source>
        <translation>通过要求：{rule}。对应工作：{jobs}。</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>“{title}” signed off by {by}.</source>
        <translation>“{title}”已由 {by} 签字通过。</translation>
    </message>
    <message>
        <source>Add the team first (团队 › 团队与考勤).</source>
        <translation>请先添加团队成员（团队 › 团队与考勤）。</translation>
    </message>
    <message>
        <source>Training plan</source>
        <translation>培训计划</translation>
    </message>
    <message>
        <source>Ready for work</source>
        <translation>上岗准备</translation>
    </message>
    <message>
        <source>{done} of {count} handled</source>
        <translation>已处理 {done} / {count} 件</translation>
    </message>
    <message>
        <source>Sample training: {hire} is on the new-hire plan with {mentor} as mentor; {reviews} drill answers over the last {days} days.</source>
        <translation>示例培训：{hire} 已列入新人培训计划，带教师傅为 {mentor}；近 {days} 天共练习作答 {reviews} 次。</translation>
    </message>
    <message>
        <source>No agent named {name} in the team. The team: {names}.</source>
        <translation>团队中没有名为 {name} 的客服。团队成员：{names}。</translation>
    </message>
    <message>
        <source>No agents yet: add the team first (团队 › 团队与考勤).</source>
        <translation>还没有客服：请先添加团队成员（团队 › 团队与考勤）。</translation>
    </message>
    <message>
        <source>Drill: {due} card(s) due, {new} not learned yet.</source>
        <translation>练习：{due} 张到期，{new} 张未学。</translation>
    </message>
    <message>
        <source>Plan: mentor {mentor}, {passed} of {steps} step(s) passed, {overdue} overdue.</source>
        <translation>培训计划：师傅 {mentor}，已通过 {passed}/{steps} 步，逾期 {overdue} 步。</translation>
    </message>
    <message>
        <source>Ready for: {jobs}</source>
        <translation>可以上岗：{jobs}</translation>
    </message>
    <message>
        <source>Mentor of {name}: {passed} of {steps} step(s) passed.</source>
        <translation>带教 {name}：已通过 {passed}/{steps} 步。</translation>
    </message>
    <message>
        <source>No agent named {name} in the team.</source>
        <translation>团队中没有名为 {name} 的客服。</translation>
    </message>
    <message>
        <source>results: one employee's results; statement: one agent's; drill-sheet: the employee's most forgotten cards first</source>
        <translation>成绩：只打印一名员工的成绩；结算单：只打印一名客服的；默写纸：先列出该员工最常忘的卡片</translation>
    </message>
    <message>
        <source>drill-sheet: the table to copy out (default: areas)</source>
        <translation>默写纸：要默写的表（默认：areas 派件区域表）</translation>
    </message>
    <message>
        <source>training: drill mastery, the new-hire plan, who is ready</source>
        <translation>培训：练习掌握程度、新人培训计划、谁可以上岗</translation>
    </message>
    <message>
        <source>each agent's drill mastery per table, plan progress and the jobs they are ready for</source>
        <translation>每位客服各表的掌握程度、培训计划进度和可以上岗的工作</translation>
    </message>
    <message>
        <source>only this agent</source>
        <translation>只看这位客服</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>Steps overdue</source>
        <translation>逾期步骤</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>添加步骤…</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Add a plan step</source>
        <translation>添加培训步骤</translation>
    </message>
    <message>
        <source>Remove “{title}” from the plan of every trainee? Their sign-offs of it go too.</source>
        <translation>要从所有新人的培训计划中删除“{title}”吗？这一步的签字记录也会一并删除。</translation>
    </message>
    <message>
        <source>e.g. 派件区域表 背熟</source>
        <translation>例如：派件区域表 背熟</translation>
    </message>
    <message>
        <source>Drill mastery of a table</source>
        <translation>某张表的练习掌握程度</translation>
    </message>
    <message>
        <source>Handbook exam score</source>
        <translation>处罚手册考试分数</translation>
    </message>
    <message>
        <source>Guide read, checklist done</source>
        <translation>读完指南并逐项核对</translation>
    </message>
    <message>
        <source>Complaints handled under the mentor</source>
        <translation>在师傅指导下处理的投诉件数</translation>
    </message>
    <message>
        <source>The mentor's sign-off</source>
        <translation>师傅签字确认</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Due in week:</source>
        <translation>第几周完成：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Pass rule:</source>
        <translation>通过要求：</translation>
    </message>
    <message>
        <source>Table (drill):</source>
        <translation>表（练习）：</translation>
    </message>
    <message>
        <source>Pass mark (% / points / complaints):</source>
        <translation>合格线（% / 分 / 件）：</translation>
    </message>
    <message>
        <source>Prepares for:</source>
        <translation>对应工作：</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Only this category</source>
        <translation>只打印此类</translation>
    </message>
    <message>
        <source>Tick only the category chosen in the list</source>
        <translation>只勾选列表中选中的这一类</translation>
    </message>
    <message>
        <source>exam: both (the paper, then its answer key), paper (the questions only) or key (the answer key only; print it with the paper's --seed)</source>
        <translation>考卷：both（试卷后附答案）、paper（只印试卷）或 key（只印答案；请用试卷的 --seed 打印）</translation>
    </message>
    <message>
        <source>{title}: answer key</source>
        <translation>{title}：答案</translation>
    </message>
    <message>
        <source>Print the answer key apart for the marker: keep the same paper no.</source>
        <translation>答案可单独打印给阅卷人：试卷编号保持不变即可对应。</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>试卷与答案</translation>
    </message>
    <message>
        <source>Paper and answer key</source>
        <translation>试卷和答案</translation>
    </message>
    <message>
        <source>Paper only</source>
        <translation>只印试卷</translation>
    </message>
    <message>
        <source>Answer key only</source>
        <translation>只印答案</translation>
    </message>
    <message>
        <source>Exam paper</source>
        <translation>新人考卷</translation>
    </message>
    <message>
        <source>BranchDesk's user guides cannot be read ({problem}). Install BranchDesk again.</source>
        <translation>无法读取网点服务台的使用指南（{problem}）。请重新安装网点服务台。</translation>
    </message>
    <message>
        <source>not a user guides file</source>
        <translation>不是使用指南文件</translation>
    </message>
    <message>
        <source>User guides</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>How to use BranchDesk. Your branch's own guides to the HQ system are on the 操作指南 page.</source>
        <translation>网点服务台怎么用。本网点自己写的总部系统操作指南在“操作指南”页。</translation>
    </message>
    <message>
        <source>&amp;User guides…</source>
        <translation>使用指南(&amp;U)…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copied {count} row(s)</source>
        <translation>已复制 {count} 行</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>复制选中的行</translation>
    </message>
    <message>
        <source>no guide to read yet</source>
        <translation>还没有可读的指南</translation>
    </message>
    <message>
        <source>{done} of {count} guide(s) read, checklist done</source>
        <translation>已读完 {done}/{count} 篇指南（清单全部勾完）</translation>
    </message>
    <message>
        <source>Pick your name (团队 › 换人) so that reading the guide counts for you.</source>
        <translation>请先选择您的名字（团队 › 换人），读完的指南才会记在您名下。</translation>
    </message>
    <message>
        <source>All %m done: recorded for {name}</source>
        <translation>%m 步全部完成：已记在 {name} 名下</translation>
    </message>
    <message>
        <source>Paper exam</source>
        <translation>纸质考卷</translation>
    </message>
    <message>
        <source>Record a paper exam's score</source>
        <translation>登记纸质考卷成绩</translation>
    </message>
    <message>
        <source>(not written on it)</source>
        <translation>（卷上未写）</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>The paper printed under 处罚手册 › 打印 › 新人考卷, marked by hand out of 100. It goes into the results history and counts for the training plan.</source>
        <translation>在“处罚手册 › 打印 › 新人考卷”打印、手工批改的考卷（满分 100）。成绩记入成绩记录，也计入新人培训计划。</translation>
    </message>
    <message>
        <source>Record a paper exam…</source>
        <translation>登记纸质考卷…</translation>
    </message>
    <message>
        <source>The sample branch is already loaded. Remove it first (帮助 › 移除示例数据).</source>
        <translation>示例网点已经载入。请先移除（帮助 › 移除示例数据）。</translation>
    </message>
    <message>
        <source>{count} of your open complaint(s) had a sample agent as owner: routed again.</source>
        <translation>您有 {count} 条未结投诉原由示例客服负责，已重新分配。</translation>
    </message>
    <message>
        <source>sample removed</source>
        <translation>移除示例数据</translation>
    </message>
    <message>
        <source>The sample agents {names} go with everything logged under their names. An agent you have edited in the team list is yours and stays.</source>
        <translation>示例客服 {names} 及其名下登记的所有内容都会删除。在团队名单里修改过的客服算作您自己的，会保留。</translation>
    </message>
    <message>
        <source>search everything the branch knows: penalty items, reply scripts, guide steps, FAQ, area rows</source>
        <translation>搜索网点的全部知识：处罚条目、答复话术、操作指南步骤、常见问题、派件区域</translation>
    </message>
    <message>
        <source>what to look for (text, pinyin initials, a typo is fine)</source>
        <translation>要查找的内容（文字、拼音首字母均可，打错一个字也能找到）</translation>
    </message>
    <message>
        <source>at most N hits</source>
        <translation>最多显示 N 条结果</translation>
    </message>
    <message>
        <source>the FAQ: import or export its entries</source>
        <translation>常见问题：导入或导出条目</translation>
    </message>
    <message>
        <source>add FAQ entries from a spreadsheet</source>
        <translation>从表格导入常见问题条目</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation>要读取的工作表（默认：第一个）</translation>
    </message>
    <message>
        <source>write every FAQ entry to a spreadsheet</source>
        <translation>把全部常见问题导出到表格</translation>
    </message>
    <message>
        <source>the .xlsx to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>Nothing useful found for “{q}”; it is noted as an FAQ gap.</source>
        <translation>没有找到“{q}”的有用结果；已记为常见问题缺口。</translation>
    </message>
    <message>
        <source>Write the question the FAQ entry answers.</source>
        <translation>请填写这条常见问题所回答的问题。</translation>
    </message>
    <message>
        <source>The question is longer than {n} characters: shorten it.</source>
        <translation>问题超过 {n} 个字，请缩短。</translation>
    </message>
    <message>
        <source>The answer is empty: write what agents should say or do.</source>
        <translation>答案是空的：请写明客服应该怎么说、怎么做。</translation>
    </message>
    <message>
        <source>The answer uses {names}, which BranchDesk cannot fill. Use one of: {known}</source>
        <translation>答案中的 {names} 无法自动填写。请使用以下占位符之一：{known}</translation>
    </message>
    <message>
        <source>This FAQ entry no longer exists.</source>
        <translation>这条常见问题已不存在。</translation>
    </message>
    <message>
        <source>The FAQ already has the question “{q}”: edit that entry instead.</source>
        <translation>常见问题中已有“{q}”：请改为编辑那一条。</translation>
    </message>
    <message>
        <source>FAQ entry “{q}” saved</source>
        <translation>保存常见问题“{q}”</translation>
    </message>
    <message>
        <source>FAQ entry “{q}” deleted</source>
        <translation>删除常见问题“{q}”</translation>
    </message>
    <message>
        <source>Version {v} of this FAQ entry is not kept.</source>
        <translation>这条常见问题没有保存第 {v} 版。</translation>
    </message>
    <message>
        <source>FAQ gap “{q}” dismissed</source>
        <translation>忽略常见问题缺口“{q}”</translation>
    </message>
    <message>
        <source>an answer is required: what agents should say or do</source>
        <translation>答案不能为空：写明客服应该怎么说、怎么做</translation>
    </message>
    <message>
        <source>{names} cannot be filled; use one of: {known}</source>
        <translation>{names} 无法自动填写；请使用以下占位符之一：{known}</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>the same question already appears in row {row}</source>
        <translation>相同的问题已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>the FAQ already has this question; edit that entry instead</source>
        <translation>常见问题中已有这个问题；请改为编辑那一条</translation>
    </message>
    <message>
        <source>FAQ entries</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Sample knowledge base: {faq} FAQ entries, {gaps} FAQ gaps and a suggestion to decide.</source>
        <translation>示例知识库：{faq} 条常见问题、{gaps} 个常见问题缺口，以及一条待处理的建议。</translation>
    </message>
    <message>
        <source>Penalty item</source>
        <translation>处罚条目</translation>
    </message>
    <message>
        <source>Guide step</source>
        <translation>指南步骤</translation>
    </message>
    <message>
        <source>FAQ</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Area row</source>
        <translation>派件区域</translation>
    </message>
    <message>
        <source>{guide} · step {n}</source>
        <translation>{guide} · 第 {n} 步</translation>
    </message>
    <message>
        <source>Wrong or outdated</source>
        <translation>有误或过时</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>改进建议</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <source>Write what is wrong or what would be better.</source>
        <translation>请写明哪里有误，或怎样会更好。</translation>
    </message>
    <message>
        <source>A suggestion is either a wrong fact or an improvement.</source>
        <translation>建议只能是“有误或过时”或“改进建议”两种之一。</translation>
    </message>
    <message>
        <source>This suggestion no longer exists.</source>
        <translation>这条建议已不存在。</translation>
    </message>
    <message>
        <source>This suggestion was already decided.</source>
        <translation>这条建议已经处理过了。</translation>
    </message>
    <message>
        <source>Say why the suggestion is declined, so its author learns why.</source>
        <translation>请写明不采纳的原因，让提建议的人知道为什么。</translation>
    </message>
    <message>
        <source>Suggestion by {author} {decision}</source>
        <translation>{author} 的建议{decision}</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <source>Answer an FAQ gap</source>
        <translation>补充常见问题缺口</translation>
    </message>
    <message>
        <source>New FAQ entry</source>
        <translation>新建常见问题</translation>
    </message>
    <message>
        <source>Edit FAQ entry</source>
        <translation>编辑常见问题</translation>
    </message>
    <message>
        <source>What agents should say or do. Placeholders such as {运单号} are filled in.</source>
        <translation>客服应该怎么说、怎么做。{运单号} 等占位符会自动填写。</translation>
    </message>
    <message>
        <source>B</source>
        <translation>粗</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>插入占位符</translation>
    </message>
    <message>
        <source>words agents may search with, separated by spaces</source>
        <translation>客服可能用来搜索的词，用空格分隔</translation>
    </message>
    <message>
        <source>who keeps this answer right</source>
        <translation>负责保持这条答案正确的人</translation>
    </message>
    <message>
        <source>FAQ entry not saved</source>
        <translation>常见问题未保存</translation>
    </message>
    <message>
        <source>FAQ entry history</source>
        <translation>常见问题历史版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>FAQ gaps (缺口)</source>
        <translation>常见问题缺口</translation>
    </message>
    <message>
        <source>Suggestions (纠错与建议)</source>
        <translation>纠错与建议</translation>
    </message>
    <message>
        <source>Filter the FAQ…</source>
        <translation>筛选常见问题…</translation>
    </message>
    <message>
        <source>Doubts</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Still correct?</source>
        <translation>还正确吗？</translation>
    </message>
    <message>
        <source>Tell the owner you doubt this answer is still right</source>
        <translation>告诉店主你怀疑这条答案已经不对了</translation>
    </message>
    <message>
        <source>Suggest…</source>
        <translation>提建议…</translation>
    </message>
    <message>
        <source>Searched for</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>Write the answer…</source>
        <translation>写答案…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Not a real question (a typo, a test): forget it</source>
        <translation>不是真正的问题（打错字、测试）：忽略它</translation>
    </message>
    <message>
        <source>Searches that found nothing useful, most frequent first. Write the answer once and the next agent finds it.</source>
        <translation>没有搜到有用结果的问题，按次数从多到少排列。写一次答案，下一位客服就能搜到。</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>About</source>
        <translation>针对</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>不采纳…</translation>
    </message>
    <message>
        <source>New suggestion…</source>
        <translation>新建议…</translation>
    </message>
    <message>
        <source>Accepted this month: {list}</source>
        <translation>本月被采纳：{list}</translation>
    </message>
    <message>
        <source>FAQ gaps (缺口) {n}</source>
        <translation>常见问题缺口 {n}</translation>
    </message>
    <message>
        <source>No FAQ entries yet: “New…” adds one, or answer a gap.</source>
        <translation>还没有常见问题：点“新建…”添加，或在缺口中补充答案。</translation>
    </message>
    <message>
        <source>FAQ entry saved: {q}</source>
        <translation>已保存常见问题：{q}</translation>
    </message>
    <message>
        <source>Restored; it is now version {v}.</source>
        <translation>已恢复，现在是第 {v} 版。</translation>
    </message>
    <message>
        <source>What makes you doubt “{q}”?</source>
        <translation>你为什么怀疑“{q}”的答案？</translation>
    </message>
    <message>
        <source>Noted: the owner will check this answer.</source>
        <translation>已记录：店主会核对这条答案。</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>Delete FAQ entry</source>
        <translation>删除常见问题</translation>
    </message>
    <message>
        <source>Delete “{q}” and its history?</source>
        <translation>删除“{q}”及其历史版本？</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <source>The gap “{q}” is answered by a new FAQ entry.</source>
        <translation>缺口“{q}”已由一条新的常见问题回答。</translation>
    </message>
    <message>
        <source>Not dismissed</source>
        <translation>未忽略</translation>
    </message>
    <message>
        <source>Thank you: the owner will decide on your suggestion.</source>
        <translation>谢谢：店主会处理你的建议。</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <source>Why is it declined? (its author reads this)</source>
        <translation>不采纳的原因？（提建议的人会看到）</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Search everything (知识搜索)</source>
        <translation>知识搜索</translation>
    </message>
    <message>
        <source>Penalty items, reply scripts, guide steps, FAQ, area rows… (pinyin: cjhy)</source>
        <translation>处罚条目、答复话术、指南步骤、常见问题、派件区域…（可用拼音首字母：cjhy）</translation>
    </message>
    <message>
        <source>Report a mistake or suggest…</source>
        <translation>纠错与建议…</translation>
    </message>
    <message>
        <source>Type a question, a cause, an estate or pinyin initials; Enter opens.</source>
        <translation>输入问题、违规原因、小区名或拼音首字母；按回车打开。</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 条</translation>
    </message>
    <message>
        <source>Nothing useful found for “{q}”. It is noted as an FAQ gap, so the owner can write the answer.</source>
        <translation>没有找到“{q}”的有用结果。已记为常见问题缺口，店主会补充答案。</translation>
    </message>
    <message>
        <source>Report a mistake or suggest (纠错与建议)</source>
        <translation>纠错与建议</translation>
    </message>
    <message>
        <source>About: {kind} “{title}”</source>
        <translation>针对：{kind}“{title}”</translation>
    </message>
    <message>
        <source>About the branch's knowledge in general</source>
        <translation>针对网点知识的总体建议</translation>
    </message>
    <message>
        <source>Something is wrong or outdated</source>
        <translation>有内容错误或过时</translation>
    </message>
    <message>
        <source>I know a better way</source>
        <translation>我有更好的做法</translation>
    </message>
    <message>
        <source>What is wrong, and what is right? (e.g. the fine is now 50 yuan since …)</source>
        <translation>哪里错了，正确的是什么？（例如：自……起罚款改为 50 元）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>知识搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+K)…</source>
        <translation>知识搜索（Ctrl+K）…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>FAQ entry “{q}” reviewed</source>
        <translation>复核常见问题“{q}”</translation>
    </message>
    <message>
        <source>Knowledge base changed</source>
        <translation>修改知识库</translation>
    </message>
    <message>
        <source>change the FAQ or decide on suggestions</source>
        <translation>修改常见问题或处理建议</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>复制答案</translation>
    </message>
    <message>
        <source>The answer as text, placeholders left as blanks to fill (【运单号】)</source>
        <translation>复制答案文字，占位符留作待填空白（【运单号】）</translation>
    </message>
    <message>
        <source>Answer copied: fill in the blanks before sending.</source>
        <translation>答案已复制：发送前请填好空白处。</translation>
    </message>
    <message>
        <source>FAQ question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The search index could not be brought up to date: {error}</source>
        <translation>搜索索引未能更新：{error}。请关闭后重新打开搜索再试。</translation>
    </message>
    <message>
        <source>Bringing the search index up to date…</source>
        <translation>正在更新搜索索引（导入后的第一次搜索），请稍候…</translation>
    </message>
    <message>
        <source>Updating the search index first (after a change to the data)…</source>
        <translation>正在更新搜索索引（数据有变动后的第一次搜索）…</translation>
    </message>
    <message>
        <source>the number is too large (more than 19 digits)</source>
        <translation>数字太大（超过 19 位）</translation>
    </message>
    <message>
        <source>The branch's data could not be opened. Close BranchDesk and start it again; if it happens again, tell whoever looks after this PC (the details are in the log file).</source>
        <translation>网点数据没能打开。请关闭网点服务台后重新打开；如果再次出现，请告诉负责这台电脑的人（详细情况在日志文件里）。</translation>
    </message>
    <message>
        <source>The branch's data could not be opened.</source>
        <translation>网点数据没能打开。</translation>
    </message>
    <message>
        <source>start the GUI in the tray, window hidden (for starting with Windows)</source>
        <translation>在托盘中启动图形界面，不显示窗口（用于开机启动）</translation>
    </message>
    <message>
        <source>Closing the window keeps BranchDesk in the tray (reminders go on)</source>
        <translation>关闭窗口后留在托盘中运行（到期提醒照常）</translation>
    </message>
    <message>
        <source>The data stays open and the window comes back at once from the tray icon or the next start. File › Quit (Ctrl+Q) or the icon's menu ends BranchDesk.</source>
        <translation>数据保持打开，点托盘图标或再次启动时窗口立即出现。要结束网点服务台，请用 文件 › 退出（Ctrl+Q）或托盘图标的菜单。</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Open BranchDesk</source>
        <translation>打开网点服务台</translation>
    </message>
    <message>
        <source>Due queue</source>
        <translation>到期队列</translation>
    </message>
    <message>
        <source>Quit BranchDesk</source>
        <translation>退出网点服务台</translation>
    </message>
    <message>
        <source>BranchDesk is still running</source>
        <translation>网点服务台仍在运行</translation>
    </message>
    <message>
        <source>Complaints falling due are still announced here. Click this icon to open the window again; to end BranchDesk, right-click it and choose Quit, or press Ctrl+Q in the window.</source>
        <translation>到期的投诉仍会在这里提醒。点这个图标可重新打开窗口；要结束网点服务台，请右键点图标选“退出网点服务台”，或在窗口中按 Ctrl+Q。</translation>
    </message>
    <message>
        <source>The database {path} is in use; nothing was changed. Quit every BranchDesk (also one waiting in the tray: right-click its icon, Quit BranchDesk) and end every command, then restore again.</source>
        <translation>数据库 {path} 正在使用中，未做任何改动。请退出所有网点服务台（也包括在托盘中待命的：右键点它的图标，选“退出网点服务台”），结束所有命令，然后重新恢复。</translation>
    </message>
    <message>
        <source>Start with the computer, waiting in the tray</source>
        <translation>开机时启动，在托盘中待命</translation>
    </message>
    <message>
        <source>When this PC's user logs in, BranchDesk opens the data in the background: reminders run before anyone sits down, and opening BranchDesk is instant.</source>
        <translation>登录这台电脑时，网点服务台在后台打开数据：没人在电脑前时到期提醒也照常，打开网点服务台时窗口立即出现。</translation>
    </message>
    <message>
        <source>Starting with the computer could not be changed: {error}</source>
        <translation>没能更改开机启动：{error}</translation>
    </message>
    <message>
        <source>Start with the computer</source>
        <translation>开机启动</translation>
    </message>
    <message>
        <source>The database {path} is held by another program (a BranchDesk still starting or importing, a backup or sync tool, a database viewer). Close that program, then start BranchDesk again.</source>
        <translation>数据库 {path} 正被另一个程序占用（还在启动或导入的网点服务台、备份或同步软件、数据库查看工具）。数据没有损坏。请关闭那个程序，再重新打开网点服务台。</translation>
    </message>
    <message>
        <source>Read as: {region}, but “{left}” is not in it (a district of another city?). Write the city and its district, e.g. 浙江省宁波市海曙区.</source>
        <translation>识别为：{region}，但“{left}”不在其中（是不是别的城市的区县？）。请写城市和它的区县，例如 浙江省宁波市海曙区。</translation>
    </message>
    <message>
        <source>The welcome was closed: it opens again at the next start, or now from Help › Setup wizard.</source>
        <translation>初始设置已关闭：下次启动时会再次打开，也可以现在从 帮助 › 初始设置向导 打开。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>查询内容</translation>
    </message>
    <message>
        <source>GUIDE</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>PACK</source>
        <translation>指南包</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>BATCH_NO</source>
        <translation>批次号</translation>
    </message>
    <message>
        <source>No imports yet: import a table with “branchdesk import”.</source>
        <translation>还没有导入过表格：用“branchdesk import”导入。</translation>
    </message>
    <message>
        <source>Choose a guide in the list to print it.</source>
        <translation>请先在列表中选择要打印的操作指南。</translation>
    </message>
    <message>
        <source>Search the complaints</source>
        <translation>查找投诉</translation>
    </message>
    <message>
        <source>Search the guides</source>
        <translation>查找操作指南</translation>
    </message>
    <message>
        <source>Open the chosen guide</source>
        <translation>打开选中的指南</translation>
    </message>
    <message>
        <source>Delete the chosen guide</source>
        <translation>删除选中的指南</translation>
    </message>
    <message>
        <source>Search the handbook</source>
        <translation>查找处罚条目</translation>
    </message>
    <message>
        <source>Move the item up</source>
        <translation>条目上移</translation>
    </message>
    <message>
        <source>Move the item down</source>
        <translation>条目下移</translation>
    </message>
    <message>
        <source>Delete the chosen items</source>
        <translation>删除选中的条目</translation>
    </message>
    <message>
        <source>Start, answer, next question</source>
        <translation>开始 / 确认答案 / 下一题</translation>
    </message>
    <message>
        <source>Stop the round</source>
        <translation>结束本轮练习</translation>
    </message>
    <message>
        <source>To the search box</source>
        <translation>到搜索框</translation>
    </message>
    <message>
        <source>Clear the search box</source>
        <translation>清空搜索框</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Another BranchDesk (another data folder or copy) starts with the computer now; ticking this starts this one instead.</source>
        <translation>现在开机时启动的是另一份网点服务台（别的数据文件夹或副本）；勾选后改为启动这一份。</translation>
    </message>
    <message>
        <source>The printing font has no “{chars}”: each is printed as {mark}. Write them in by hand on the printed page.</source>
        <translation>打印字体里没有“{chars}”，这些字印成了 {mark}。请在打印出的纸上用笔补写。</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>access is denied (the file may be open in another program, or the folder is not writable)</source>
        <translation>没有访问权限（文件可能正被其他程序打开，或文件夹不允许写入）</translation>
    </message>
    <message>
        <source>the drive is read-only</source>
        <translation>该磁盘是只读的</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>已经存在同名的文件</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>正被其他程序使用</translation>
    </message>
    <message>
        <source>the name is not allowed here</source>
        <translation>这个名称在此处不可用</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the drive could not be read or written (is it still plugged in?)</source>
        <translation>磁盘无法读写（U 盘是否已拔出？）</translation>
    </message>
    <message>
        <source>Cannot use {path}: {error}. Check that it is still there and not open in another program, then try again.</source>
        <translation>无法使用 {path}：{error}。请确认它还在、没有被其他程序打开，然后再试一次。</translation>
    </message>
    <message>
        <source>{ticket} was removed or changed by another window or the command line: the list has been read again.</source>
        <translation>{ticket} 已被另一个窗口或命令行删除或更改，列表已重新读取。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used: {error}. Give a folder with --data-dir (or BRANCHDESK_DATA_DIR), for example a new empty one.</source>
        <translation>数据文件夹 {path} 无法使用：{error}。请用 --data-dir（或 BRANCHDESK_DATA_DIR）指定一个文件夹，例如一个新的空文件夹。</translation>
    </message>
    <message>
        <source>Today's automatic backup was not made: {problem}</source>
        <translation>今天的自动备份未能完成：{problem}</translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>This complaint no longer exists</source>
        <translation>该投诉已不存在</translation>
    </message>
    <message>
        <source>{ticket} was deleted by another window or the command line (its import was undone, for example). Nothing was saved here. This window closes and the list is read again.</source>
        <translation>{ticket} 已被另一个窗口或命令行删除（例如撤销了它所在的导入）。这里没有保存任何内容。此窗口将关闭，列表会重新读取。</translation>
    </message>
    <message>
        <source>A file could not be used: {error}. Check that it is still there and not open in another program, then try again.</source>
        <translation>有一个文件无法使用：{error}。请确认它还在、没有被其他程序打开，然后再试一次。</translation>
    </message>
    <message>
        <source>the FAQ table (.xlsx or .csv: 问题, 答案 columns)</source>
        <translation>常见问题表（.xlsx 或 .csv，含“问题”“答案”两列）</translation>
    </message>
    <message>
        <source>import a spreadsheet (areas, routes, times, waybills, handbook, complaints, customers)</source>
        <translation>导入表格（areas 派件区域、routes 路由、times 时效、waybills 运单、handbook 处罚手册、complaints 总部工单、customers 寄件客户）</translation>
    </message>
    <message>
        <source>the table: areas 派件区域, routes 路由, times 时效, waybills 运单, handbook 处罚手册, complaints 总部工单, customers 寄件客户</source>
        <translation>要导入的表：areas 派件区域、routes 路由、times 时效、waybills 运单、handbook 处罚手册、complaints 总部工单、customers 寄件客户</translation>
    </message>
    <message>
        <source>the spreadsheet (.xlsx, .xls, .ods or .csv)</source>
        <translation>表格文件（.xlsx、.xls、.ods 或 .csv）</translation>
    </message>
    <message>
        <source>the table to export</source>
        <translation>要导出的表</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>the guide pack (.zip) to add</source>
        <translation>要添加的指南包（.zip）</translation>
    </message>
    <message>
        <source>the import's number (see “history”)</source>
        <translation>导入记录的批次号（见 history）</translation>
    </message>
    <message>
        <source>what to print: handbook 处罚手册, sheet 车载处罚单, exam 考卷, results 练习成绩, slips 问题件提醒单, analysis 投诉分析, guide 操作指南, statement 月度结算单, drill-sheet 默写卷</source>
        <translation>要打印的内容：handbook 处罚手册、sheet 车载处罚单、exam 考卷、results 练习成绩、slips 问题件提醒单、analysis 投诉分析、guide 操作指南、statement 月度结算单、drill-sheet 默写卷</translation>
    </message>
    <message>
        <source>{year}-{month:02d} has not begun yet: give this month or an earlier one.</source>
        <translation>{year} 年 {month:02d} 月还没有开始：请给出本月或更早的月份。</translation>
    </message>
    <message>
        <source>Owed (fines above the pay)</source>
        <translation>应扣（罚款超过本月工资）</translation>
    </message>
    <message>
        <source>Not in the total: {count} agent(s) owe {amount} 元 (fines above the month's pay): {names}.</source>
        <translation>未计入合计：{count} 人本月应扣 {amount} 元（罚款超过本月工资）：{names}。</translation>
    </message>
    <message>
        <source>Owed (元)</source>
        <translation>应扣（元）</translation>
    </message>
    <message>
        <source>Customer's phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Courier's phone</source>
        <translation>业务员电话</translation>
    </message>
    <message>
        <source>To the results</source>
        <translation>到结果列表</translation>
    </message>
    <message>
        <source>Save the changes to {ticket}?</source>
        <translation>保存对 {ticket} 的修改吗？</translation>
    </message>
    <message>
        <source>Discard this contact? What you typed is not saved.</source>
        <translation>放弃这条接待记录吗？已输入的内容不会保存。</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>接待记录</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>QC change from the month before</source>
        <translation>质检分较上月变化</translation>
    </message>
    <message>
        <source>Coaching open</source>
        <translation>辅导未结</translation>
    </message>
    <message>
        <source>Coaching closed</source>
        <translation>辅导已结</translation>
    </message>
    <message>
        <source>QC bonus or deduction (元)</source>
        <translation>质检奖扣（元）</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Reissue reason</source>
        <translation>重开原因</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Handbook categories</source>
        <translation>处罚手册分类</translation>
    </message>
    <message>
        <source>Handbook items</source>
        <translation>处罚手册条目</translation>
    </message>
    <message>
        <source>Exam papers</source>
        <translation>考卷</translation>
    </message>
    <message>
        <source>Exam results</source>
        <translation>考试成绩</translation>
    </message>
    <message>
        <source>Complaint categories</source>
        <translation>投诉分类</translation>
    </message>
    <message>
        <source>Complaint history</source>
        <translation>投诉处理记录</translation>
    </message>
    <message>
        <source>Guide categories</source>
        <translation>指南分类</translation>
    </message>
    <message>
        <source>Guide steps</source>
        <translation>指南步骤</translation>
    </message>
    <message>
        <source>Guide screenshots</source>
        <translation>指南截图</translation>
    </message>
    <message>
        <source>Guide readings</source>
        <translation>指南阅读记录</translation>
    </message>
    <message>
        <source>Guide reports</source>
        <translation>指南过时报告</translation>
    </message>
    <message>
        <source>Guide versions</source>
        <translation>指南历史版本</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>发件客户</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>负责关系</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分配记录</translation>
    </message>
    <message>
        <source>QC samples</source>
        <translation>质检抽样</translation>
    </message>
    <message>
        <source>QC samples by agent</source>
        <translation>各客服抽样</translation>
    </message>
    <message>
        <source>QC sample items</source>
        <translation>抽样条目</translation>
    </message>
    <message>
        <source>QC scorecards</source>
        <translation>质检评分表</translation>
    </message>
    <message>
        <source>QC scorecard sections</source>
        <translation>评分表分项</translation>
    </message>
    <message>
        <source>QC criteria</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>QC scores</source>
        <translation>质检评分</translation>
    </message>
    <message>
        <source>QC score lines</source>
        <translation>评分明细</translation>
    </message>
    <message>
        <source>Branch settings</source>
        <translation>网点设置</translation>
    </message>
    <message>
        <source>Pay statements</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Drill cards</source>
        <translation>练习卡片</translation>
    </message>
    <message>
        <source>Drill memory</source>
        <translation>练习记忆</translation>
    </message>
    <message>
        <source>Drill reviews</source>
        <translation>练习记录</translation>
    </message>
    <message>
        <source>Lookups for drills</source>
        <translation>练习用查件记录</translation>
    </message>
    <message>
        <source>New-hire plan steps</source>
        <translation>新人计划步骤</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>新员工</translation>
    </message>
    <message>
        <source>New-hire progress</source>
        <translation>新人计划进度</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Search index state</source>
        <translation>搜索索引状态</translation>
    </message>
    <message>
        <source>FAQ versions</source>
        <translation>常见问题历史版本</translation>
    </message>
    <message>
        <source>FAQ reports</source>
        <translation>常见问题反馈</translation>
    </message>
    <message>
        <source>Searches that found nothing</source>
        <translation>无结果的搜索</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>it breaks off at line {line}, column {column}</source>
        <translation type="vanished"></translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>嵌套层数过多</translation>
    </message>
    <message>
        <source>it is wrong at line {line}, column {column}</source>
        <translation>第 {line} 行第 {column} 列有错误</translation>
    </message>
    <message>
        <source>Remove the sample branch? Its tables, waybills, handbook, guides, agents with their contacts and shifts, complaints, QC records and pay rates go. What you imported or logged yourself stays.

A backup is made first, so this can be taken back by restoring it (文件 › 从备份恢复…).</source>
        <translation>移除示例网点？示例的表格、运单、处罚手册、操作指南、客服及其接待和考勤记录、投诉、质检记录和计件单价都会删除。您自己导入或登记的内容保留。

移除前会先自动备份，需要时可以恢复该备份找回（文件 › 从备份恢复…）。</translation>
    </message>
    <message>
        <source>CATEGORY</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>COURIER</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>EMPLOYEE</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>HOURS</source>
        <translation>小时数</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>QUESTIONS</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>SEED</source>
        <translation>随机数</translation>
    </message>
    <message>
        <source>SHEET</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Go to {page}</source>
        <translation>转到{page}</translation>
    </message>
    <message>
        <source>Undo the grade  (Ctrl+Z)</source>
        <translation>撤销评分 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>The grade was taken back: grade this card again.</source>
        <translation>评分已撤销：请重新给这张卡片评分。</translation>
    </message>
    <message>
        <source>Undo the last grade</source>
        <translation>撤销上一次评分</translation>
    </message>
    <message>
        <source>Other copy ({name})</source>
        <translation>其他备份（{name}）</translation>
    </message>
    <message>
        <source>This card was graded again since (at another PC?): that grade stays.</source>
        <translation>这张卡片之后又被评过分（在另一台电脑上？）：保留那次评分。</translation>
    </message>
    <message>
        <source>An answer key goes with a paper: give the paper's number, as printed on it (print exam --part key --seed NUMBER).</source>
        <translation>答案要和试卷对应：请给出试卷上印的试卷编号（print exam --part key --seed 编号）。</translation>
    </message>
    <message>
        <source>No paper with this number was printed: nobody has the paper this key is for. Type the number printed on the papers handed out.</source>
        <translation>这个编号的试卷没有打印过：没有人拿到这份答案对应的试卷。请填写发下去的试卷上印的编号。</translation>
    </message>
    <message>
        <source>Its questions stay as they were, whatever the categories and the number of questions say; for a paper on them, press New paper.</source>
        <translation>题目与当时相同，不随所选分类和题数改变；要按所选分类出题，请点“换一份试卷”。</translation>
    </message>
    <message>
        <source>No area table has been imported yet: addresses find their couriers once it is (branchdesk import areas FILE).</source>
        <translation>还没有导入片区表：导入后才能按地址查业务员（branchdesk import areas 文件）。</translation>
    </message>
    <message>
        <source>No area table has been imported yet: import the branch's area table under 数据 (Ctrl+3), and addresses find their couriers.</source>
        <translation>还没有导入片区表：在“数据”页（Ctrl+3）导入本网点的片区表后，才能按地址查业务员。</translation>
    </message>
    <message>
        <source>used while nobody is on duty (now: {name}, 团队 › 换人)</source>
        <translation>没人值班时才用（现在值班：{name}，可在 团队 › 换人 中更换）</translation>
    </message>
    <message>
        <source>Run “{prog} --help” to see how it is used.</source>
        <translation>运行“{prog} --help”查看用法。</translation>
    </message>
    <message>
        <source>Note: {caution}</source>
        <translation>注意：{caution}</translation>
    </message>
    <message>
        <source>Print an e&amp;xam paper…</source>
        <translation>打印考卷(&amp;X)…</translation>
    </message>
    <message>
        <source>{unsure} answer(s) are not sure (fuzzy, note, district, or a district to check).</source>
        <translation>{unsure} 条结果把握不足（模糊、备注、区县兜底或区县待核对）。</translation>
    </message>
    <message>
        <source>The address names “{district}”, which is not in the table of districts (an old name, or a zone?): check the district before telling the customer.</source>
        <translation>地址写的“{district}”不在行政区划表里（可能是旧区名或开发区）：先核对区县，再告诉客户。</translation>
    </message>
    <message>
        <source>{level} · to be checked</source>
        <translation>{level} · 待核对</translation>
    </message>
    <message>
        <source>The address is in {city}, not in the branch's city ({home}): no courier of the branch's area table delivers there.</source>
        <translation>地址在{city}，不在本网点所在城市（{home}）：本网点派件区域表里没有业务员派送这里。</translation>
    </message>
    <message>
        <source>{value} is a date: Excel turned a range such as {guess} into one. Format the column as text, type the range again and import again.</source>
        <translation>{value} 是一个日期：Excel 把 {guess} 这样的门牌范围变成了日期。请把这一列设为“文本”格式，重新输入范围后再导入。</translation>
    </message>
    <message>
        <source>The address gives building {building}, not a house number; "{keyword}" covers house numbers {range}</source>
        <translation>地址写的是{building}号楼，不是门牌号；“{keyword}”这条按门牌号{range}</translation>
    </message>
    <message>
        <source>House number {number} in lane {lane} of "{keyword}" is in {range}</source>
        <translation>“{keyword}”{lane}弄{number}号在门牌范围 {range} 内</translation>
    </message>
    <message>
        <source>No house number in lane {lane}; "{keyword}" covers numbers {range} of lane {lane}</source>
        <translation>地址中没有{lane}弄里的门牌号；“{keyword}”只负责{lane}弄的门牌 {range}</translation>
    </message>
    <message>
        <source>“{name}” is in {town} and in {other}: the address does not say which</source>
        <translation>{town}和{other}都有“{name}”：地址没写是哪一个</translation>
    </message>
    <message>
        <source>The address names “{district}”, a district of several cities, and the rule that matched is not in such a district: check the district before telling the customer.</source>
        <translation>地址写的“{district}”是好几个城市都有的区名，而匹配到的规则不在这样的区里：先核对区县，再告诉客户。</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full, so BranchDesk cannot open its data. The data is not damaged: free some space on that drive (empty the recycle bin, move old files away), then start BranchDesk again.</source>
        <translation>{folder} 所在的磁盘已满，网点服务台无法打开数据。数据没有损坏：请在这个磁盘上腾出空间（清空回收站、移走旧文件），然后重新启动网点服务台。</translation>
    </message>
    <message>
        <source>The data folder {folder} is read-only, so BranchDesk cannot open its data. Let this Windows user write to the folder (or choose another data folder), then start BranchDesk again.</source>
        <translation>数据文件夹 {folder} 是只读的，网点服务台无法打开数据。请让当前 Windows 用户可以写入这个文件夹（或换一个数据文件夹），然后重新启动网点服务台。</translation>
    </message>
    <message>
        <source>The path of the data folder {folder} is too long ({length} characters) for the database. Choose a data folder with a shorter path, then start BranchDesk again.</source>
        <translation>数据文件夹 {folder} 的路径太长（{length} 个字符），数据库无法使用。请换一个路径短一些的数据文件夹，然后重新启动网点服务台。</translation>
    </message>
    <message>
        <source>More was written to the data since you were shown what the backup lacks (another window or the command line); nothing was changed. Look at what it lacks now, and restore again if you still want to.</source>
        <translation>在显示备份缺少哪些数据之后，数据又有新的写入（其他窗口或命令行）；未做任何改动。请看看现在备份缺少什么，如果仍要恢复，请再恢复一次。</translation>
    </message>
    <message>
        <source>Cannot copy {backup} to {folder}: {error}; nothing was changed. Free some space on that drive (empty the recycle bin, move old files away), then restore again.</source>
        <translation>无法将 {backup} 复制到 {folder}：{error}；未做任何改动。请在这个磁盘上腾出空间（清空回收站、移走旧文件），然后再恢复。</translation>
    </message>
    <message>
        <source>Another program (the command line, another window) changed the data: the pages show it as it is now.</source>
        <translation>其他程序（命令行或另一个窗口）修改了数据：页面已显示最新的数据。</translation>
    </message>
    <message>
        <source>{name} is no longer in the team (changed in another program): pick who works now under 团队 › 换人.</source>
        <translation>{name} 已不在团队中（在其他程序中修改）：请在 团队 › 换人 中选择现在值班的人。</translation>
    </message>
    <message>
        <source>“{name}” is written as a landmark (近, 对面, 旁边…): the address itself is not in the table — check</source>
        <translation>“{name}”只是作为参照写的（近、对面、旁边…）：地址本身不在派件区域表里，请核对</translation>
    </message>
    <message>
        <source>The address names {town}, and the rule that matched is {rule_town}'s: check the town before telling the customer.</source>
        <translation>地址写的是{town}，而匹配到的规则属于{rule_town}：先核对乡镇街道，再告诉客户。</translation>
    </message>
    <message>
        <source>An intersection of {a} and {b}: either road's courier may deliver — check</source>
        <translation>{a}和{b}的路口：两条路的业务员都可能派送，请核对</translation>
    </message>
    <message>
        <source>The address names two places, {a} and {b}, of two couriers: it does not say which — check</source>
        <translation>地址里写了两个地方：{a}和{b}，分属两位业务员，没说清是哪一个，请核对</translation>
    </message>
    <message>
        <source>The address starts with “{city}”: if it is in {city}, no courier of this table delivers there; if it is a local name, check before telling the customer.</source>
        <translation>地址以“{city}”开头：如果地址在{city}，本网点区域表里没有业务员派送那里；如果是本地的店名或小区名，请核对后再答复客户。</translation>
    </message>
    <message>
        <source>The address names {district}, the branch is in {home}, and the rule that matched names no district: check the district before telling the customer.</source>
        <translation>地址写的是{district}，本网点在{home}，而匹配到的这条区域没有写区县：请核对区县后再答复客户。</translation>
    </message>
    <message>
        <source>The address names only {town}, where this courier delivers part of it: check the rest of the address</source>
        <translation>地址只写到{town}，这位业务员派送其中的一部分：请核对地址的其余部分</translation>
    </message>
    <message>
        <source>Only the first {shown} of {total} are listed; use --json for all of them.</source>
        <translation>只列出了 {total} 条中的前 {shown} 条；要全部列出请加 --json。</translation>
    </message>
    <message>
        <source>the month and day can be read two ways: write them with separators, e.g. 2026-11-05 09:30</source>
        <translation>月和日可以有两种读法：请用分隔符写开，例如 2026-11-05 09:30</translation>
    </message>
    <message>
        <source>the time can be read two ways: write it on a 24-hour clock, e.g. 2026-12-05 00:30 for half past midnight</source>
        <translation>这个时间可以有两种读法：请用 24 小时制书写，例如午夜零点半写作 2026-12-05 00:30</translation>
    </message>
    <message>
        <source>the creation time is more than a day ahead of today's date: check the year, month and day</source>
        <translation>创建时间比今天晚了一天以上：请核对年、月、日</translation>
    </message>
    <message>
        <source>not a whole phone number (a mobile has 11 digits, a landline its area code): kept in the description, not as the customer's phone</source>
        <translation>不是完整的电话号码（手机 11 位，座机要带区号）：已记在描述里，没有作为客户电话</translation>
    </message>
    <message>
        <source>Phone as given (incomplete): {phone}</source>
        <translation>原表中的电话（不完整）：{phone}</translation>
    </message>
    <message>
        <source>No statement for “{agent}” in {month}: check the name or the employee number in the team list.</source>
        <translation>{month} 没有“{agent}”的结算单：请在团队名单中核对姓名或工号。</translation>
    </message>
    <message>
        <source>Due (first {shown} of {count})</source>
        <translation>到期提醒（共 {count} 条，只列出前 {shown} 条）</translation>
    </message>
    <message>
        <source>Importing… {done} of {total} rows</source>
        <translation>正在导入… 第 {done} 行，共 {total} 行</translation>
    </message>
    <message>
        <source>The database is busy: another BranchDesk window or command is writing to it. The search answered from its index as it stands (changes made since may be missing) and noted nothing as an FAQ gap. Nothing is lost; search again when the other has finished.</source>
        <translation>数据库正忙：另一个网点服务台窗口或命令正在写入。本次搜索用现有的索引作答（之后的改动可能还没有包含），也没有记为常见问题缺口。没有丢失任何内容；等对方完成后再搜一次即可。</translation>
    </message>
    <message>
        <source>Nothing useful found for “{q}”.</source>
        <translation>没有找到“{q}”的有用结果。</translation>
    </message>
    <message>
        <source>{name} cannot be read from it: {error}.</source>
        <translation>无法从中读取 {name}：{error}。</translation>
    </message>
    <message>
        <source>it is damaged: {name} in it does not unpack to what was packed (the file was changed or cut short on the way). Copy the pack again, or export it again.</source>
        <translation>文件已损坏：其中的 {name} 解压后与打包时不一致（文件在传送途中被改动或截断）。请重新复制指南包，或重新导出。</translation>
    </message>
    <message>
        <source>guide.json, guide “{guide}”</source>
        <translation>guide.json 中的指南“{guide}”</translation>
    </message>
    <message>
        <source>guide.json, guide “{guide}”, step {n}</source>
        <translation>guide.json 中的指南“{guide}”第 {n} 步</translation>
    </message>
    <message>
        <source>{where}: the {field} has {length} characters; at most {limit} are allowed.</source>
        <translation>{where}：{field}有 {length} 个字，最多只能 {limit} 个。</translation>
    </message>
    <message>
        <source>{where}: the {field} contains a control character ({char}) that is not text. Remove it in the guide and export the pack again.</source>
        <translation>{where}：{field}里有一个不是文字的控制字符（{char}）。请在指南里删除它，再重新导出指南包。</translation>
    </message>
    <message>
        <source>instruction</source>
        <translation>操作说明</translation>
    </message>
    <message>
        <source>tip</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Step {n} is too long: at most {limit} characters for what to do and {tip} for the tip. Split it into several steps.</source>
        <translation>第 {n} 步太长：操作说明最多 {limit} 个字，提示最多 {tip} 个字。请拆成几步。</translation>
    </message>
    <message>
        <source>{instruction} {count} questions, {subtotal} points (the points of each are beside it).</source>
        <translation>{instruction}共 {count} 题，计 {subtotal} 分（每题分值见题后）。</translation>
    </message>
    <message>
        <source>The chosen categories have items for {count} questions only, not the {asked} asked for: the paper has {count} questions, {total} points in all.</source>
        <translation>所选类别的条目只够出 {count} 道题，不够要求的 {asked} 道：试卷共 {count} 题，满分 {total} 分。</translation>
    </message>
    <message>
        <source>The database is busy: another BranchDesk window or command is writing to it. These results come from the search index as it stands (changes made since may be missing) and nothing is noted as an FAQ gap. Nothing is lost.</source>
        <translation>数据库正忙：另一个网点服务台窗口或命令正在写入。以下结果来自现有的搜索索引（之后的改动可能还没有包含），也没有记为常见问题缺口。没有丢失任何内容。</translation>
    </message>
    <message>
        <source>Opening the branch's data… “{query}” is looked up as soon as it is open.</source>
        <translation>正在打开本网点的数据…打开后立即查询“{query}”。</translation>
    </message>
    <message>
        <source>Opening the branch's data… “{page}” is shown as soon as it is open.</source>
        <translation>正在打开本网点的数据…打开后即显示“{page}”。</translation>
    </message>
    <message>
        <source>Looking up “{query}”… (the first search after a start waits for the address index)</source>
        <translation>正在查询“{query}”…（启动后的第一次查询要等地址索引准备好）</translation>
    </message>
    <message>
        <source>The search could not be made: see the message.</source>
        <translation>查询没有完成：原因见弹出的提示。</translation>
    </message>
    <message>
        <source>The branch's data file is damaged ({error}): {path}. Nothing was changed. Restore the newest good backup (文件 › 从备份恢复…, or “branchdesk restore”); “branchdesk check” lists the backups. Do not delete the file.</source>
        <translation>本网点的数据文件已损坏（{error}）：{path}。没有改动任何内容。请恢复最近一份完好的备份（文件 › 从备份恢复…，或运行“branchdesk restore”）；“branchdesk check”会列出所有备份。不要删除这个文件。</translation>
    </message>
    <message>
        <source>The guide pack {name} is opened when you leave 查件.</source>
        <translation>离开“查件”页后会打开指南包 {name}。</translation>
    </message>
    <message>
        <source>{working} (to confirm when you leave 查件)</source>
        <translation>{working}（离开“查件”页后确认）</translation>
    </message>
</context>
</TS>
