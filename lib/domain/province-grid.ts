// A tile grid of China's 34 province-level divisions: one square per division, laid out so that
// neighbours stay roughly neighbours (no map geometry, no map package). Pure: the page shades the tiles
// by an indicator with the sequential scale below.

export type ProvinceTile = {
  code: string;
  nameEn: string;
  nameZh: string;
  /** Two or three letters for the tile in English; the Chinese tile shows the short name. */
  abbrEn: string;
  shortZh: string;
  col: number;
  row: number;
};

const tile = (code: string, nameEn: string, nameZh: string, abbrEn: string, shortZh: string, col: number, row: number): ProvinceTile => ({
  code,
  nameEn,
  nameZh,
  abbrEn,
  shortZh,
  col,
  row,
});

// Codes follow the zones of the seed (`anhui`, `inner-mongolia` …); 8 columns × 8 rows.
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  tile("heilongjiang", "Heilongjiang", "黑龙江省", "HL", "黑", 7, 0),
  tile("inner-mongolia", "Inner Mongolia", "内蒙古自治区", "NM", "蒙", 4, 1),
  tile("beijing", "Beijing", "北京市", "BJ", "京", 5, 1),
  tile("tianjin", "Tianjin", "天津市", "TJ", "津", 6, 1),
  tile("jilin", "Jilin", "吉林省", "JL", "吉", 7, 1),
  tile("xinjiang", "Xinjiang", "新疆维吾尔自治区", "XJ", "新", 1, 2),
  tile("gansu", "Gansu", "甘肃省", "GS", "甘", 2, 2),
  tile("ningxia", "Ningxia", "宁夏回族自治区", "NX", "宁", 3, 2),
  tile("shanxi", "Shanxi", "山西省", "SX", "晋", 4, 2),
  tile("hebei", "Hebei", "河北省", "HE", "冀", 5, 2),
  tile("shandong", "Shandong", "山东省", "SD", "鲁", 6, 2),
  tile("liaoning", "Liaoning", "辽宁省", "LN", "辽", 7, 2),
  tile("qinghai", "Qinghai", "青海省", "QH", "青", 2, 3),
  tile("shaanxi", "Shaanxi", "陕西省", "SN", "陕", 3, 3),
  tile("henan", "Henan", "河南省", "HA", "豫", 4, 3),
  tile("anhui", "Anhui", "安徽省", "AH", "皖", 5, 3),
  tile("jiangsu", "Jiangsu", "江苏省", "JS", "苏", 6, 3),
  tile("shanghai", "Shanghai", "上海市", "SH", "沪", 7, 3),
  tile("tibet", "Tibet", "西藏自治区", "XZ", "藏", 1, 4),
  tile("sichuan", "Sichuan", "四川省", "SC", "川", 2, 4),
  tile("chongqing", "Chongqing", "重庆市", "CQ", "渝", 3, 4),
  tile("hubei", "Hubei", "湖北省", "HB", "鄂", 4, 4),
  tile("jiangxi", "Jiangxi", "江西省", "JX", "赣", 5, 4),
  tile("zhejiang", "Zhejiang", "浙江省", "ZJ", "浙", 6, 4),
  tile("yunnan", "Yunnan", "云南省", "YN", "滇", 2, 5),
  tile("guizhou", "Guizhou", "贵州省", "GZ", "黔", 3, 5),
  tile("hunan", "Hunan", "湖南省", "HN", "湘", 4, 5),
  tile("fujian", "Fujian", "福建省", "FJ", "闽", 6, 5),
  tile("taiwan", "Taiwan", "台湾省", "TW", "台", 7, 5),
  tile("guangxi", "Guangxi", "广西壮族自治区", "GX", "桂", 3, 6),
  tile("guangdong", "Guangdong", "广东省", "GD", "粤", 4, 6),
  tile("hong-kong", "Hong Kong", "香港特别行政区", "HK", "港", 5, 6),
  tile("hainan", "Hainan", "海南省", "HI", "琼", 3, 7),
  tile("macao", "Macao", "澳门特别行政区", "MO", "澳", 4, 7),
];

export const GRID_COLUMNS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.col));
export const GRID_ROWS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.row));

/** Sequential colours, light to dark (ColorBrewer Blues; the fourth darkened to #2171b5 so white text on it has 4.5:1), and the text colour readable on each. */
export const SHADES = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08519c"] as const;
export const SHADE_TEXT = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"] as const;

export type ShadeScale = { sorted: number[] };

/**
 * Five classes of (about) equally many values, lowest first: quantiles, so that one large figure does not
 * leave every other square pale. Fewer than five values use the darkest shades. Undefined without values.
 */
export function shadeScale(values: readonly number[]): ShadeScale | undefined {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : { sorted };
}

// The class of the i-th smallest of n values, spread over the five shades (n < 5: the darkest n shades).
function classIndex(i: number, n: number): number {
  return n >= SHADES.length ? Math.floor((i * SHADES.length) / n) : SHADES.length - n + i;
}

/** The class (0 = lightest) of a value on the scale; equal values share a class. */
export function shadeClass(value: number, scale: ShadeScale): number {
  const i = scale.sorted.findIndex((v) => v >= value);
  return classIndex(i === -1 ? scale.sorted.length - 1 : i, scale.sorted.length);
}

/** The legend: each shade used, with the range of values it stands for. */
export function shadeLegend(scale: ShadeScale): { shade: number; min: number; max: number }[] {
  const n = scale.sorted.length;
  const seen = new Map<number, { shade: number; min: number; max: number }>();
  for (const [i, value] of scale.sorted.entries()) {
    const shade = classIndex(i, n);
    const entry = seen.get(shade);
    if (entry) entry.max = value;
    else seen.set(shade, { shade, min: value, max: value });
  }
  return [...seen.values()];
}
