/** The words of the project library and connection-fund additions, merged into `zh` and `en` in messages.ts. */
export const fundZh = {
  'project.edit': '编辑',
  'project.editTitle': '修改项目：{name}',
  'project.saved': '项目已保存（草拟），请重新发起公示',
  'project.conflictHint': '已载入项目的最新内容，请核对后重新修改并保存。',
  'project.sentBack': '已退回：{comment}',
  'project.sentBackBy': '{actor} 于 {date} 退回。',
  'project.sentBackToDraft': '请申报单位点“编辑”修改后重新发起公示。',
  'project.linkedHouseholds': '受益户按关联的 {n} 户农户计算，此处不能修改',

  'fundImport.tab': '支付导入',
  'fundImport.help':
    '按模板填写项目编号、下达文号、支付日期、支付金额、凭证号，上传 .xlsx 或 UTF-8 编码的 CSV。先“预检”查看每一行的问题；有任何一行有误时整个文件都不导入，除非勾选“跳过有误的行”。',
  'fundImport.template': '下载导入模板',
  'fundImport.choose': '选择文件',
  'fundImport.skipBadRows': '跳过有误的行，导入其余各行',
  'fundImport.check': '预检（不导入）',
  'fundImport.send': '上传并导入',
  'fundImport.none': '还没有选择文件：选择填好的支付文件后，先预检，再导入',
  'fundImport.status.checked':
    '预检：可导入 {accepted} 笔，合计 {acceptedTotal} 元，{refused} 行有误；尚未写入任何数据（共 {rows} 行）',
  'fundImport.status.checkedRefused':
    '预检：有 {refused} 行有误，按当前选择整个文件不会导入（共 {rows} 行）；请改正后重试，或勾选“跳过有误的行”',
  'fundImport.status.imported': '已导入 {imported} 笔支付，合计 {total} 元（共 {rows} 行）',
  'fundImport.status.partial': '已导入 {imported} 笔支付，合计 {total} 元；{refused} 行有误未导入',
  'fundImport.status.refused': '有 {refused} 行有误，整个文件未导入（共 {rows} 行）',
  'fundImport.previewWould': '将导入的支付（前 {shown} 笔，共 {accepted} 笔）',
  'fundImport.previewDone': '已导入的支付（前 {shown} 笔，共 {accepted} 笔）',
  'fundImport.row': '行号',
  'fundImport.reason': '原因',
  'fundImport.projectId': '项目编号',
  'fundImport.project': '项目',
  'fundImport.doc': '下达文号',
  'fundImport.paidOn': '支付日期',
  'fundImport.amount': '支付金额（元）',

  'fundCard.title': '{year}年衔接资金',
  'fundCard.received': '到位资金（元）',
  'fundCard.allocated': '已安排到项目（元）',
  'fundCard.paid': '已支付（元）',
  'fundCard.spendRate': '支出进度',
  'fundCard.paidOfAllocated': '已安排资金支付率',
  'fundCard.asOf': '截至 {date}，按资金年度统计；{projects} 个项目安排了资金',
  'fundCard.belowCounty': '资金下达到县（区），这里是本辖区项目的安排和支付',
  'fundCard.empty':
    '{year}年度本辖区还没有衔接资金：县级在“衔接资金”页登记资金下达、安排到项目并登记支付后，这里显示支出进度',
  'fundCard.open': '衔接资金',
} as const;

export const fundEn: Record<keyof typeof fundZh, string> = {
  'project.edit': 'Edit',
  'project.editTitle': 'Change project: {name}',
  'project.saved': 'Project saved (draft); start its notice again',
  'project.conflictHint':
    'The latest version of the project has been loaded; check it, change it again and save.',
  'project.sentBack': 'Sent back: {comment}',
  'project.sentBackBy': 'Sent back by {actor} on {date}.',
  'project.sentBackToDraft': 'The declaring unit clicks Edit, changes it and starts the notice again.',
  'project.linkedHouseholds':
    'Beneficiaries are counted from the {n} linked households and cannot be typed here',

  'fundImport.tab': 'Payment import',
  'fundImport.help':
    'Fill in the template (project number, allocation document, payment date, amount, voucher) and upload .xlsx or UTF-8 CSV. Check first to see every row’s problem; with any bad row nothing is imported unless “skip bad rows” is ticked.',
  'fundImport.template': 'Download the template',
  'fundImport.choose': 'Choose file',
  'fundImport.skipBadRows': 'Skip bad rows and import the rest',
  'fundImport.check': 'Check (no import)',
  'fundImport.send': 'Upload and import',
  'fundImport.none': 'No file chosen yet: choose a filled-in payment file, check it, then import',
  'fundImport.status.checked':
    'Check: {accepted} payments ({acceptedTotal} yuan) can be imported, {refused} rows are wrong; nothing written yet ({rows} rows)',
  'fundImport.status.checkedRefused':
    'Check: {refused} rows are wrong, so the file would not be imported ({rows} rows); fix them, or tick “skip bad rows”',
  'fundImport.status.imported': 'Imported {imported} payments, {total} yuan ({rows} rows)',
  'fundImport.status.partial': 'Imported {imported} payments, {total} yuan; {refused} wrong rows left out',
  'fundImport.status.refused': '{refused} rows are wrong; nothing was imported ({rows} rows)',
  'fundImport.previewWould': 'Payments to be imported (first {shown} of {accepted})',
  'fundImport.previewDone': 'Payments imported (first {shown} of {accepted})',
  'fundImport.row': 'Row',
  'fundImport.reason': 'Reason',
  'fundImport.projectId': 'Project no.',
  'fundImport.project': 'Project',
  'fundImport.doc': 'Allocation document',
  'fundImport.paidOn': 'Paid on',
  'fundImport.amount': 'Amount (yuan)',

  'fundCard.title': 'Connection funds {year}',
  'fundCard.received': 'Received (yuan)',
  'fundCard.allocated': 'Allocated to projects (yuan)',
  'fundCard.paid': 'Paid (yuan)',
  'fundCard.spendRate': 'Spend rate',
  'fundCard.paidOfAllocated': 'Paid of allocated',
  'fundCard.asOf': 'As of {date}, by fund year; {projects} projects have money',
  'fundCard.belowCounty': 'Funds are received by counties; these are the projects in your area',
  'fundCard.empty':
    'No connection funds in your area for {year} yet: once the county records allocations, passes them to projects and records payments, the spend rate shows here',
  'fundCard.open': 'Connection funds',
};
