// The dashboard's words in English and Chinese. t('key') in code, data-i18n="key" in index.html.

const WORDS = {
  en: {
    'brand.tagline': 'monthly targets',
    period: 'Period', team: 'Team', live: 'Live', logout: 'Sign out', updated: 'updated',
    'login.title': 'Sign in',
    'login.intro': 'Choose a demo user, or paste a token from your identity provider.',
    'login.noDemo': 'Demo users exist only in the embedded demo.',
    'login.token': 'Bearer token', 'login.useToken': 'Use this token',
    'login.badToken': 'This is not a token the dashboard can read.',
    'login.failed': 'Signing in failed',
    'role.MANAGER': 'Manager', 'role.REP': 'Rep', 'role.ADMIN': 'Sales ops', 'role.INTEGRATION': 'Integration',
    'tab.manager': 'Team', 'tab.rep': 'My progress', 'tab.ops': 'Sales ops',
    'noView': 'This identity has no dashboard view (INTEGRATION only ingests).',
    unavailable: 'Not available', nothingYet: 'Nothing yet.',
    'manager.gauges': 'Team attainment', 'manager.gaugesHint': 'Against base, target and challenge',
    'manager.daily': 'Cumulative actual vs target, per working day',
    'manager.weekly': 'Cumulative actual vs target, per week',
    'manager.pacingHint': 'Below the target line early and steep late: slack early, rush late',
    'manager.funnel': 'Funnel by lead channel', 'manager.leaderboard': 'Leaderboard',
    'manager.alerts': 'Alerts', 'manager.tiers': 'Customer tiers (A/B/C)',
    'manager.highIntent': 'High-intent customers', 'manager.review': 'Month-end review',
    'manager.reviewHint': 'From target to actual: what drove the gap',
    'manager.table': 'Target management table',
    'rep.progress': 'My progress', 'rep.pace': 'Pace', 'rep.followUps': 'Follow up first',
    'rep.statement': 'Incentive statement',
    'ops.company': 'Company', 'ops.plans': 'Target plans', 'ops.newPlan': 'New plan',
    'ops.incentivePlans': 'Incentive plans', 'ops.close': 'Period close',
    'ops.preview': 'Preview', 'ops.create': 'Create draft', 'ops.approve': 'Approve',
    'ops.save': 'Save plan', 'ops.closePeriod': 'Close period', 'ops.refresh': 'Refresh',
    'ops.closeHint': 'Ranks the awards and freezes the statements of the period.',
    'ops.incentiveHint': 'An effective-dated, versioned plan of rules (JSON).',
    'ops.created': 'Draft created', 'ops.approved': 'Approved', 'ops.saved': 'Saved', 'ops.closed': 'Closed',
    'f.name': 'Name', 'f.period': 'Period', 'f.metric': 'Metric', 'f.total': 'Total', 'f.base': 'Base',
    'f.challenge': 'Challenge', 'f.productLines': 'Product lines', 'f.regions': 'Regions', 'f.reps': 'Reps',
    'f.planId': 'Plan id', 'f.rules': 'Rules',
    'k.actual': 'Actual', 'k.target': 'Target', 'k.attainment': 'Attainment', 'k.pace': 'Pace',
    'k.projected': 'Projected', 'k.expected': 'Expected to date', 'k.base': 'Base', 'k.challenge': 'Challenge',
    'k.cumTarget': 'Target (cumulative)', 'k.cumActual': 'Actual (cumulative)',
    'k.rank': '#', 'k.rep': 'Rep', 'k.customer': 'Customer', 'k.score': 'Score', 'k.tier': 'Tier',
    'k.signal': 'Latest signal', 'k.rule': 'Rule', 'k.source': 'Source', 'k.amount': 'Amount', 'k.total': 'Total',
    'k.status': 'Status', 'k.version': 'Version', 'k.count': 'Count', 'k.entity': 'Responsible',
    'k.type': 'Target type', 'k.monthly': 'Monthly target', 'k.weekly': 'Weekly average',
    'k.strategy': 'Key strategy', 'k.gap': 'Gap', 'k.evidence': 'Evidence', 'k.channel': 'Channel',
    'k.leadToQualified': 'Lead → qualified', 'k.qualifiedToWon': 'Qualified → won', 'k.avgDealSize': 'Avg deal size',
    'k.avgSalesCycleDays': 'Sales cycle (days)', 'k.collectionRate': 'Collection rate',
    'metric.REVENUE': 'Revenue', 'metric.GROSS_MARGIN': 'Gross margin', 'metric.COLLECTIONS': 'Collections',
    'metric.NEW_CUSTOMERS': 'New customers', 'metric.DEALS': 'Deals', 'metric.CALLS': 'Calls',
    'metric.VISITS': 'Visits', 'metric.FOLLOW_UPS': 'Follow-ups', 'metric.QUALIFIED_LEADS': 'Qualified leads',
    'stage.LEAD': 'Leads', 'stage.LEADS': 'Leads', 'stage.QUALIFIED': 'Qualified', 'stage.OPPORTUNITY': 'Opportunities',
    'stage.WON': 'Won', 'stage.DEAL': 'Won',
    'channel.SHORT_VIDEO': 'Short video', 'channel.LIVESTREAM': 'Livestream', 'channel.PRIVATE_DOMAIN': 'Private domain',
    'channel.SEARCH_ADS': 'Search ads', 'channel.OFFLINE_EVENT': 'Offline event', 'channel.PARTNER': 'Partner',
    'channel.REFERRAL': 'Referral', 'channel.OUTBOUND': 'Outbound',
    'driver.start': 'Target', 'driver.end': 'Actual',
    'driver.LEADS': 'Leads', 'driver.NEW_CUSTOMERS': 'New customers', 'driver.CONVERSION': 'Conversion',
    'driver.DEAL_SIZE': 'Deal size', 'driver.COLLECTIONS': 'Collections', 'driver.ACTIVITY': 'Activity',
    'driver.CYCLE': 'Sales cycle', 'driver.OTHER': 'Other',
    'k.leads': 'Leads', 'k.won': 'Won', 'k.deals': 'Deals', 'k.revenue': 'Revenue', 'k.conversion': 'Conversion',
    'k.promotionCode': 'Promotion',
  },
  zh: {
    'brand.tagline': '月度目标达成',
    period: '周期', team: '团队', live: '实时', logout: '退出', updated: '更新于',
    'login.title': '登录',
    'login.intro': '选择一个演示用户，或粘贴身份提供方签发的令牌。',
    'login.noDemo': '演示用户仅在内嵌演示环境中提供。',
    'login.token': 'Bearer 令牌', 'login.useToken': '使用此令牌',
    'login.badToken': '无法读取该令牌。',
    'login.failed': '登录失败',
    'role.MANAGER': '销售经理', 'role.REP': '销售代表', 'role.ADMIN': '销售运营', 'role.INTEGRATION': '系统集成',
    'tab.manager': '团队', 'tab.rep': '我的进度', 'tab.ops': '销售运营',
    'noView': '该身份没有看板视图（系统集成只能写入数据）。',
    unavailable: '暂不可用', nothingYet: '暂无数据。',
    'manager.gauges': '团队达成率', 'manager.gaugesHint': '对照保底、目标与挑战值',
    'manager.daily': '累计实际与目标（按工作日）',
    'manager.weekly': '累计实际与目标（按周）',
    'manager.pacingHint': '前期低于目标线、后期陡升：前松后紧',
    'manager.funnel': '各线索渠道漏斗', 'manager.leaderboard': '排行榜',
    'manager.alerts': '预警', 'manager.tiers': '客户分级（A/B/C）',
    'manager.highIntent': '高意向客户', 'manager.review': '月末复盘',
    'manager.reviewHint': '从目标到实际：差距的驱动因素',
    'manager.table': '目标管理表',
    'rep.progress': '我的进度', 'rep.pace': '进度', 'rep.followUps': '优先跟进',
    'rep.statement': '激励对账单',
    'ops.company': '公司', 'ops.plans': '目标方案', 'ops.newPlan': '新建方案',
    'ops.incentivePlans': '激励方案', 'ops.close': '期末结算',
    'ops.preview': '预览', 'ops.create': '创建草稿', 'ops.approve': '审批',
    'ops.save': '保存方案', 'ops.closePeriod': '结算本期', 'ops.refresh': '刷新',
    'ops.closeHint': '对本期奖励排名并冻结对账单。',
    'ops.incentiveHint': '按生效日期管理、带版本的规则方案（JSON）。',
    'ops.created': '草稿已创建', 'ops.approved': '已审批', 'ops.saved': '已保存', 'ops.closed': '已结算',
    'f.name': '名称', 'f.period': '周期', 'f.metric': '指标', 'f.total': '总目标', 'f.base': '保底',
    'f.challenge': '挑战', 'f.productLines': '产品线', 'f.regions': '区域', 'f.reps': '销售代表',
    'f.planId': '方案编号', 'f.rules': '规则',
    'k.actual': '实际', 'k.target': '目标', 'k.attainment': '达成率', 'k.pace': '进度',
    'k.projected': '预计', 'k.expected': '应完成', 'k.base': '保底', 'k.challenge': '挑战',
    'k.cumTarget': '目标（累计）', 'k.cumActual': '实际（累计）',
    'k.rank': '名次', 'k.rep': '销售代表', 'k.customer': '客户', 'k.score': '评分', 'k.tier': '等级',
    'k.signal': '最新信号', 'k.rule': '规则', 'k.source': '来源', 'k.amount': '金额', 'k.total': '合计',
    'k.status': '状态', 'k.version': '版本', 'k.count': '数量', 'k.entity': '责任主体',
    'k.type': '目标类型', 'k.monthly': '月度目标值', 'k.weekly': '周均目标',
    'k.strategy': '关键策略', 'k.gap': '差距', 'k.evidence': '依据', 'k.channel': '渠道',
    'k.leadToQualified': '线索→意向', 'k.qualifiedToWon': '意向→成单', 'k.avgDealSize': '客单价',
    'k.avgSalesCycleDays': '成交周期（天）', 'k.collectionRate': '回款率',
    'metric.REVENUE': '销售额', 'metric.GROSS_MARGIN': '毛利', 'metric.COLLECTIONS': '回款额',
    'metric.NEW_CUSTOMERS': '新客户', 'metric.DEALS': '成单数', 'metric.CALLS': '电话量',
    'metric.VISITS': '拜访量', 'metric.FOLLOW_UPS': '跟进次数', 'metric.QUALIFIED_LEADS': '有效线索',
    'stage.LEAD': '线索', 'stage.LEADS': '线索', 'stage.QUALIFIED': '意向', 'stage.OPPORTUNITY': '商机',
    'stage.WON': '成单', 'stage.DEAL': '成单',
    'channel.SHORT_VIDEO': '短视频', 'channel.LIVESTREAM': '直播', 'channel.PRIVATE_DOMAIN': '私域',
    'channel.SEARCH_ADS': '搜索广告', 'channel.OFFLINE_EVENT': '线下活动', 'channel.PARTNER': '渠道伙伴',
    'channel.REFERRAL': '转介绍', 'channel.OUTBOUND': '外呼',
    'driver.start': '目标', 'driver.end': '实际',
    'driver.LEADS': '线索量', 'driver.NEW_CUSTOMERS': '新客户', 'driver.CONVERSION': '转化率',
    'driver.DEAL_SIZE': '客单价', 'driver.COLLECTIONS': '回款', 'driver.ACTIVITY': '活动量',
    'driver.CYCLE': '成交周期', 'driver.OTHER': '其他',
    'k.leads': '线索', 'k.won': '成单', 'k.deals': '成单数', 'k.revenue': '销售额', 'k.conversion': '转化率',
    'k.promotionCode': '促销活动',
  },
};

let lang = localStorage.getItem('quotaflow.lang') === 'zh' ? 'zh' : 'en';

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next === 'zh' ? 'zh' : 'en';
  localStorage.setItem('quotaflow.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(element => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-lang]').forEach(button => {
    button.classList.toggle('active', button.dataset.lang === lang);
  });
}

/** The word for key in the current language; an unknown key (a new metric, say) is shown as it is. */
export function t(key) {
  return WORDS[lang][key] ?? WORDS.en[key] ?? key.replace(/^[a-z]+\./, '');
}

/** A label for a code from the API (metric.REVENUE, channel.SHORT_VIDEO, ...). */
export function label(group, code) {
  const key = group + '.' + code;
  return WORDS[lang][key] ?? WORDS.en[key] ?? String(code);
}

function locale() {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

export function money(value, currency) {
  const number = toNumber(value);
  if (number === null) {
    return '–';
  }
  return new Intl.NumberFormat(locale(), {
    style: 'currency', currency: currency || 'CNY', maximumFractionDigits: 0,
  }).format(number);
}

export function count(value) {
  const number = toNumber(value);
  return number === null ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(number);
}

export function percent(ratio) {
  const number = toNumber(ratio);
  return number === null ? '–' : new Intl.NumberFormat(locale(), {
    style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1,
  }).format(number);
}

/** Money comes as decimal strings ("812000.00"); ratios as numbers. */
export function toNumber(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}
