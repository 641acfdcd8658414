/**
 * Places people may ask about, so that a question about a place the knowledge base does not cover
 * gets a plain "I don't know" instead of a figure about 忻州. Places the articles mention are covered
 * whatever this list says; the glossary's `places` add more.
 */
export const KNOWN_PLACES: readonly string[] = [
  // provinces and their capitals
  "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
  "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
  "宁夏", "新疆", "台湾", "香港", "澳门", "石家庄", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州",
  "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁",
  "银川", "乌鲁木齐", "台北",
  // large cities
  "深圳", "苏州", "宁波", "青岛", "大连", "厦门", "无锡", "佛山", "东莞", "温州", "烟台", "唐山", "徐州", "包头", "鄂尔多斯",
  "雄安",
  // Shanxi's cities
  "太原", "大同", "朔州", "忻州", "阳泉", "吕梁", "晋中", "长治", "晋城", "临汾", "运城",
  // Xinzhou's counties
  "忻府", "原平", "定襄", "五台", "代县", "繁峙", "宁武", "静乐", "神池", "五寨", "岢岚", "河曲", "保德", "偏关",
  // abroad
  "美国", "日本", "韩国", "英国", "法国", "德国", "俄罗斯", "印度", "巴黎", "伦敦", "纽约", "东京", "首尔", "柏林", "莫斯科",
  "欧洲", "非洲", "澳大利亚", "加拿大", "新加坡",
];

/** Province-level names: a question naming one is satisfied by evidence that says 全省 or 省外. */
export const PROVINCES: ReadonlySet<string> = new Set(KNOWN_PLACES.slice(0, 34));

/** English names, lower case, to the Chinese name. */
export const ENGLISH_PLACES: Readonly<Record<string, string>> = {
  beijing: "北京", peking: "北京", tianjin: "天津", shanghai: "上海", chongqing: "重庆", hebei: "河北", shanxi: "山西",
  "inner mongolia": "内蒙古", jiangsu: "江苏", zhejiang: "浙江", guangdong: "广东", shenzhen: "深圳", guangzhou: "广州",
  hangzhou: "杭州", nanjing: "南京", wuhan: "武汉", chengdu: "成都", "xi'an": "西安", xian: "西安", shaanxi: "陕西",
  henan: "河南", shandong: "山东", "hong kong": "香港", macau: "澳门", taiwan: "台湾", taiyuan: "太原", datong: "大同",
  shuozhou: "朔州", xinzhou: "忻州", yangquan: "阳泉", lvliang: "吕梁", luliang: "吕梁", jinzhong: "晋中",
  changzhi: "长治", jincheng: "晋城", linfen: "临汾", yuncheng: "运城", baoding: "保定", xiongan: "雄安",
  xinfu: "忻府", yuanping: "原平", dingxiang: "定襄", wutai: "五台", daixian: "代县", "dai county": "代县", fanshi: "繁峙",
  ningwu: "宁武", jingle: "静乐", shenchi: "神池", wuzhai: "五寨", kelan: "岢岚", hequ: "河曲", baode: "保德", pianguan: "偏关",
  "xinzhou city": "忻州", "xinfu district": "忻府", "yuanping city": "原平", "dingxiang county": "定襄",
  "wutai county": "五台县", "fanshi county": "繁峙", "ningwu county": "宁武", "jingle county": "静乐", "shenchi county": "神池",
  "wuzhai county": "五寨", "kelan county": "岢岚", "hequ county": "河曲", "baode county": "保德", "pianguan county": "偏关",
  paris: "巴黎", london: "伦敦", "new york": "纽约", tokyo: "东京", seoul: "首尔", berlin: "柏林", moscow: "莫斯科",
  america: "美国", usa: "美国", "united states": "美国", japan: "日本", korea: "韩国", france: "法国", germany: "德国",
  russia: "俄罗斯", india: "印度", europe: "欧洲", africa: "非洲", australia: "澳大利亚", canada: "加拿大",
  singapore: "新加坡", uk: "英国", britain: "英国", england: "英国",
};

/** A place of 山西 as articles name it, the other names people use for it, the place it lies in, its English names. */
export interface PlaceEntry {
  readonly name: string;
  readonly short: readonly string[];
  /** The place it lies in; "" for the province. */
  readonly parent: string;
  readonly english: readonly string[];
}

/** 山西省, its 11 cities, and the 14 districts, county-level cities and counties of 忻州市. */
export const SHANXI_PLACES: readonly PlaceEntry[] = [
  { name: "山西省", short: ["山西"], parent: "", english: ["Shanxi", "Shanxi Province"] },
  { name: "太原市", short: ["太原"], parent: "山西省", english: ["Taiyuan"] },
  { name: "大同市", short: ["大同"], parent: "山西省", english: ["Datong"] },
  { name: "阳泉市", short: ["阳泉"], parent: "山西省", english: ["Yangquan"] },
  { name: "长治市", short: ["长治"], parent: "山西省", english: ["Changzhi"] },
  { name: "晋城市", short: ["晋城"], parent: "山西省", english: ["Jincheng"] },
  { name: "朔州市", short: ["朔州"], parent: "山西省", english: ["Shuozhou"] },
  { name: "晋中市", short: ["晋中"], parent: "山西省", english: ["Jinzhong"] },
  { name: "运城市", short: ["运城"], parent: "山西省", english: ["Yuncheng"] },
  { name: "忻州市", short: ["忻州"], parent: "山西省", english: ["Xinzhou", "Xinzhou City"] },
  { name: "临汾市", short: ["临汾"], parent: "山西省", english: ["Linfen"] },
  { name: "吕梁市", short: ["吕梁"], parent: "山西省", english: ["Lvliang", "Luliang", "Lüliang"] },
  { name: "忻府区", short: ["忻府"], parent: "忻州市", english: ["Xinfu", "Xinfu District"] },
  { name: "原平市", short: ["原平"], parent: "忻州市", english: ["Yuanping", "Yuanping City"] },
  { name: "定襄县", short: ["定襄"], parent: "忻州市", english: ["Dingxiang", "Dingxiang County"] },
  { name: "五台县", short: ["五台"], parent: "忻州市", english: ["Wutai County"] },
  { name: "代县", short: ["代州"], parent: "忻州市", english: ["Dai County", "Daixian", "Daizhou"] },
  { name: "繁峙县", short: ["繁峙"], parent: "忻州市", english: ["Fanshi", "Fanshi County"] },
  { name: "宁武县", short: ["宁武"], parent: "忻州市", english: ["Ningwu", "Ningwu County"] },
  { name: "静乐县", short: ["静乐"], parent: "忻州市", english: ["Jingle", "Jingle County"] },
  { name: "神池县", short: ["神池"], parent: "忻州市", english: ["Shenchi", "Shenchi County"] },
  { name: "五寨县", short: ["五寨"], parent: "忻州市", english: ["Wuzhai", "Wuzhai County"] },
  { name: "岢岚县", short: ["岢岚"], parent: "忻州市", english: ["Kelan", "Kelan County"] },
  { name: "河曲县", short: ["河曲"], parent: "忻州市", english: ["Hequ", "Hequ County"] },
  { name: "保德县", short: ["保德"], parent: "忻州市", english: ["Baode", "Baode County"] },
  { name: "偏关县", short: ["偏关"], parent: "忻州市", english: ["Pianguan", "Pianguan County"] },
];

/**
 * Names that hold a place's short name but are not that place: 五台山 is a mountain and scenic area (in 五台县
 * and 繁峙县), not the county; 五台山机场 is an airport.
 */
export const NOT_PLACES: readonly string[] = ["五台山", "wutai mountain", "mount wutai", "wutaishan"];

/** The districts, county-level cities and counties of 忻州市, as articles name them. */
export const XINZHOU_COUNTIES: readonly string[] = SHANXI_PLACES.filter((p) => p.parent === "忻州市").map((p) => p.name);

/**
 * Words that open a clause naming a place that is not its subject: a neighbour (北靠宁武, 毗邻河北), a distance (距太原),
 * a comparison (比太原), a destination (赴扬州).
 */
export const NOT_SUBJECT_WORDS: readonly string[] = [
  "东临", "南临", "西临", "北临", "东连", "南连", "西连", "北连", "东接", "南接", "西接", "北接", "东靠", "南靠", "西靠",
  "北靠", "东邻", "南邻", "西邻", "北邻", "东依", "西依", "南依", "北依", "毗邻", "紧邻", "距", "离", "比", "较", "赴", "到",
  "至", "同", "与",
];

/**
 * Simplified characters of the places' and the glossary's names with their traditional forms (县 縣, 区 區 …), pairs
 * run together: how a place is put into a traditional quote. Made with OpenCC (cn → tw) over those names; a table,
 * so that the engine does not load OpenCC's whole simplified-to-traditional dictionary for a few names.
 */
export const TRADITIONAL_PLACE_CHARS =
  "庆慶内內辽遼宁寧龙龍苏蘇东東广廣贵貴云雲陕陝肃肅台臺湾灣门門庄莊沈瀋阳陽长長尔爾滨濱济濟郑鄭汉漢萨薩兰蘭银銀乌烏鲁魯齐齊岛島连連厦廈无無锡錫温溫烟煙头頭吕呂晋晉临臨运運县縣静靜乐樂岚嵐关關国國韩韓罗羅伦倫纽紐约約欧歐亚亞体體经經区區黄黃铁鐵数數据據钢鋼宝寶团團资資厅廳发發进進电電馆館级級杂雜粮糧场場晓曉栋棟习習总總书書记記产產营營业業额額占佔积積规規属屬专專项項亿億库庫点點战戰兴興链鏈条條镇鎮制製装裝备備导導现現务務农農两兩个個转轉环環审審办辦异異洁潔绿綠机機风風热熱氢氫厂廠铝鋁镁鎂设設计計划劃标標态態红紅线線护護复復质質气氣游遊养養摄攝话話党黨过過会會费費预預财財税稅开開范範园園";
