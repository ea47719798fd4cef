export const salesTargetsZh = {
  cardTitle: '本月销售目标',
  storeTarget: '门店目标',
  mine: '我的目标',
  target: '目标',
  actual: '已完成（不含税）',
  expected: '按进度应完成',
  noTarget: '未设目标',
  status: {
    reached: '已达成',
    on_pace: '进度正常',
    behind: '落后',
    no_target: '未设目标',
  },
  empty: '本月没有目标',
};
