// Peer groups of pilot FTZs: the Yangtze River Delta FTZs and the launch batches. Reference data, not
// figures: which zones belong together, as the State Council approved them batch by batch (the
// commerce ministry numbers the batches 1–7). The data format's `group` zones have no members (a zone
// has one parent), so the groups are kept here; a zone's launch date, where the data gives one, falls
// in its batch's year (a unit test checks this against the seed).

export type PeerGroup = {
  id: string;
  kind: "region" | "batch";
  nameEn: string;
  nameZh: string;
  /** For a batch: the year its zones were launched (inaugurated). */
  year?: number;
  /** Member FTZ codes, in launch order. */
  zones: readonly string[];
};

export const LAUNCH_BATCHES: readonly PeerGroup[] = [
  { id: "batch-1", kind: "batch", nameEn: "Batch 1 (2013)", nameZh: "第一批（2013年）", year: 2013, zones: ["shanghai-ftz"] },
  {
    id: "batch-2",
    kind: "batch",
    nameEn: "Batch 2 (2015)",
    nameZh: "第二批（2015年）",
    year: 2015,
    zones: ["guangdong-ftz", "tianjin-ftz", "fujian-ftz"],
  },
  {
    id: "batch-3",
    kind: "batch",
    nameEn: "Batch 3 (2017)",
    nameZh: "第三批（2017年）",
    year: 2017,
    zones: ["liaoning-ftz", "zhejiang-ftz", "henan-ftz", "hubei-ftz", "chongqing-ftz", "sichuan-ftz", "shaanxi-ftz"],
  },
  { id: "batch-4", kind: "batch", nameEn: "Batch 4 (2018)", nameZh: "第四批（2018年）", year: 2018, zones: ["hainan-ftz"] },
  {
    id: "batch-5",
    kind: "batch",
    nameEn: "Batch 5 (2019)",
    nameZh: "第五批（2019年）",
    year: 2019,
    zones: ["shandong-ftz", "jiangsu-ftz", "guangxi-ftz", "hebei-ftz", "yunnan-ftz", "heilongjiang-ftz"],
  },
  {
    id: "batch-6",
    kind: "batch",
    nameEn: "Batch 6 (2020)",
    nameZh: "第六批（2020年）",
    year: 2020,
    zones: ["beijing-ftz", "hunan-ftz", "anhui-ftz"],
  },
  { id: "batch-7", kind: "batch", nameEn: "Batch 7 (2023)", nameZh: "第七批（2023年）", year: 2023, zones: ["xinjiang-ftz"] },
];

export const YANGTZE_RIVER_DELTA: PeerGroup = {
  id: "yrd",
  kind: "region",
  nameEn: "Yangtze River Delta FTZs",
  nameZh: "长三角自贸试验区",
  zones: ["shanghai-ftz", "jiangsu-ftz", "zhejiang-ftz", "anhui-ftz"],
};

export const PEER_GROUPS: readonly PeerGroup[] = [YANGTZE_RIVER_DELTA, ...LAUNCH_BATCHES];

/** The launch batch a zone belongs to, if it is a pilot FTZ of a known batch. */
export function batchOf(zoneCode: string): PeerGroup | undefined {
  return LAUNCH_BATCHES.find((batch) => batch.zones.includes(zoneCode));
}

/** The groups a comparison can select in one click: at least two of their members are in the database. */
export function selectableGroups(known: ReadonlySet<string>): { group: PeerGroup; zones: string[] }[] {
  return PEER_GROUPS.map((group) => ({ group, zones: group.zones.filter((code) => known.has(code)) })).filter((g) => g.zones.length >= 2);
}
