/** Words of the shared data building blocks (query state, URL table, form modal, field rules). */
export const dataZh = {
  'data.paused': '当前离线：联网后自动加载',
  'data.stale': '当前离线，显示的是上次加载的内容',
  'data.empty': '暂无数据',
  'rules.required': '请填写{field}',
  'rules.maxLength': '{field}最多 {max} 个字',
  'rules.minLength': '{field}至少 {min} 个字',
  'rules.pattern': '{field}格式不正确',
  'rules.range': '{field}应在 {min} 至 {max} 之间',
} as const;

export const dataEn: Record<keyof typeof dataZh, string> = {
  'data.paused': 'Offline: this loads by itself once connected',
  'data.stale': 'Offline: showing what was loaded last',
  'data.empty': 'No data',
  'rules.required': 'Enter {field}',
  'rules.maxLength': '{field}: at most {max} characters',
  'rules.minLength': '{field}: at least {min} characters',
  'rules.pattern': '{field} is not in the right format',
  'rules.range': '{field} must be between {min} and {max}',
};
