/** The words of consumer assistance (消费帮扶), merged into `zh` and `en` in messages.ts. */
export const consumerZh = {
  'perm.consumer.read': '查看消费帮扶',
  'perm.consumer.declare': '录入帮扶产品申报和销售',
  'perm.consumer.act': '初审、审核、公示和认定帮扶产品',
  'perm.consumer.configure': '设置认定标准和登记品牌',
  'nav.consumer': '消费帮扶',
};

export const consumerEn: Record<keyof typeof consumerZh, string> = {
  'perm.consumer.read': 'View consumer assistance',
  'perm.consumer.declare': 'Enter product applications and sales',
  'perm.consumer.act': 'Check, review, post and certify products',
  'perm.consumer.configure': 'Set the floors and register brands',
  'nav.consumer': 'Consumer assistance',
};
