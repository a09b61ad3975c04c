// The finder on short passages: zones (names, aliases, "the zone", 该片区, places after "in"), indicators from the
// lexicon, shares and year-on-year changes attached to their figure, periods resolved against publication.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFigures, type Candidate } from "@/lib/extract";
import { catalogFromFolders, packageFolders } from "@/lib/extract/catalog-files";
import { candidateRow, observationsCsv } from "@/lib/extract/rows";

const catalog = catalogFromFolders(packageFolders(path.resolve(import.meta.dirname, "../../prisma/seed")));
const find = (text: string, publishedOn = "2021-11-11", title = "") => extractFigures(text, { title, publishedOn }, catalog);
const brief = (c: Candidate) => `${c.zone} ${c.indicator} ${c.period} ${c.basis} ${c.valueBase} ${c.qualifier} ${c.yoyPct ?? "-"}`;

describe("whole sentences", () => {
  it.each([
    // zones by name, alias and regular forms, in both languages
    [
      "安徽自贸试验区芜湖片区累计签约入驻182个项目。",
      "2021-10-22",
      "anhui-ftz-wuhu signed_projects_count 2020-09-24/2021-10-22 cumulative 182 exact -",
    ],
    [
      "2020年，宁波舟山港完成货物吞吐量11.72亿吨，同比增长4.7%。",
      "2021-01-20",
      "ningbo-zhoushan-port port_cargo_throughput 2020 period 1172000000 exact 4.7",
    ],
    [
      "In 2020, Wuhu Port will complete a throughput of 135 million tons, an increase of 5.9%.",
      "2021-01-25",
      "wuhu-port port_cargo_throughput 2020 period 135000000 exact 5.9",
    ],
    [
      "The Hefei Area saw 1,200 new enterprises in the first half of this year.",
      "2021-07-20",
      "anhui-ftz-hefei new_enterprises 2021-H1 period 1200 exact -",
    ],
    // a total "as of" the day the figures were given, when the text names it
    [
      "Over 50,000 enterprises have been established in the Chongqing pilot FTZ since it was established in 2017, said Zhang Zhikui, director of the municipal commission of commerce, at a press briefing on Wednesday.",
      "2021-04-01",
      "chongqing-ftz new_enterprises 2017-04-01/2021-03-31 cumulative 50000 at_least -",
    ],
    // 经过5年: as of the zone's fifth anniversary (2017-04-01 + 5 years), shares of the city after 全市超
    [
      "以重庆自贸试验区为例，据重庆市商务委介绍，经过5年精耕细作，这块“试验田”吸引了全市超35%的外商直接投资。",
      "2022-04-09",
      "chongqing-ftz fdi_share_of_city 2017-04-01/2022-04-01 cumulative 35 at_least -",
    ],
    // a planned area as of the last day named before it, "three days later" counted
    [
      "The State Council released a master plan for the China (Hunan) Pilot Free Trade Zone on September 21, 2020. The Hunan pilot FTZ was inaugurated three days later. The Hunan pilot FTZ covers 119.76 square kilometers.",
      "2020-11-11",
      "hunan-ftz area_size 2020-09-24 point 119.76 exact -",
    ],
    // traditional characters and full-width digits
    [
      "今年前9個月，安徽自貿試驗區實現進出口額超２２９７億元人民幣，同比增長32.3%。",
      "2025-10-20",
      "anhui-ftz import_export 2025-01/2025-09 ytd 229700000000 at_least 32.3",
    ],
    // a decline is a negative change; 前三季度 is year to date through September
    [
      "前三季度，浙江自贸试验区进出口额3000亿元，同比下降3.1%。",
      "2021-10-20",
      "zhejiang-ftz import_export 2021-01/2021-09 ytd 300000000000 exact -3.1",
    ],
    // ytd through June is the half itself
    ["1-6月，浙江自贸试验区进出口额2000亿元。", "2021-07-20", "zhejiang-ftz import_export 2021-H1 period 200000000000 exact -"],
    // English growth "up … percent", a figure it grew "to"
    [
      "Heilongjiang Pilot Free Trade Zone registered a 48.3 percent year on year growth in foreign trade to 16.687 billion yuan in the first half of this year.",
      "2022-09-05",
      "heilongjiang-ftz import_export 2022-H1 period 16687000000 exact 48.3",
    ],
  ])("%s", (text, publishedOn, expected) => {
    expect(find(text, publishedOn).candidates.map(brief)).toContain(expected);
  });

  it.each([
    // a review titled with the year before, published in the first quarter: its totals are as of that year's end
    [
      "芜湖片区累计签约入驻210个项目。",
      "2021-02-10",
      "2020年芜湖片区工作回顾",
      "anhui-ftz-wuhu signed_projects_count 2020-09-24/2020-12-31 cumulative 210 exact -",
    ],
    // a statistical update with year-on-year changes and no period: this year through the last month ended
    [
      "合肥片区进出口总额达800亿元，同比增长20.5%。",
      "2021-11-25",
      "",
      "anhui-ftz-hefei import_export 2021-01/2021-10 ytd 80000000000 exact 20.5",
    ],
    [
      "合肥片区实有企业达到3万余家，同比增长12%。",
      "2021-11-25",
      "",
      "anhui-ftz-hefei registered_enterprises_stock 2021-10-31 point 30000 at_least 12",
    ],
    // a possessive before a zone's name is no part of a longer name
    [
      "East China's Anhui Pilot Free Trade Zone saw 1,500 new enterprises in the first half of this year.",
      "2021-07-20",
      "",
      "anhui-ftz new_enterprises 2021-H1 period 1500 exact -",
    ],
  ])("%s (%s, %s)", (text, publishedOn, title, expected) => {
    expect(find(text, publishedOn, title).candidates.map(brief)).toContain(expected);
  });

  it.each([
    // a zone's name ending a longer proper name (a company's) is not that zone
    ["Sanshan Wuhu Port Logistics Company handled 5 million tons of cargo throughput in 2020.", "2021-01-20", "5 million tons", /no zone/],
    // 进出口企业: the trade word names a kind of firm, so the share is of firms, not of trade
    ["芜湖片区集聚了全市超20%的进出口企业。", "2021-10-22", "20%", /percentage/],
    // the domestic part of a count of firms
    [
      "By the end of June, the Zhejiang FTZ had 9,000 enterprises, including 8,700 domestic-funded ones.",
      "2021-07-20",
      "8,700",
      /domestic/,
    ],
    // the trade of some goods is a part of the whole
    [
      "In 2020, the trade volume of oil products in the Zhejiang FTZ reached 100 billion yuan.",
      "2021-03-01",
      "100 billion yuan",
      /a part of import_export/,
    ],
    // a projection told again is still a projection
    [
      "Wuhu Port is expected to handle 140 million tons of cargo throughput in 2021. By the end of the year its cargo throughput will total 140 million tons.",
      "2021-01-20",
      "140 million tons",
      /repeats the value of a plan/,
    ],
    // 近1000亿元 beside the exact 985亿元 of the same zone and indicator is its rounded form
    ["合肥片区经济总量近1000亿元，前三季度实现GDP 985亿元。", "2021-11-25", "近1000亿元", /rounded form/],
  ])("leaves unplaced: %s", (text, publishedOn, shown, reason) => {
    const { candidates, unplaced } = find(text, publishedOn);
    expect(candidates.map((c) => text.slice(c.figure.start, c.figure.end))).not.toContain(shown);
    const seen = unplaced.filter((u) => shown.includes(u.text) || u.text.includes(shown.replace(/^近/, "")));
    expect(seen.map((u) => u.reason).join("; ")).toMatch(reason);
  });

  it("takes the zone an earlier sentence named for 'the zone' and 该片区, and a province after 'in' as a place only", () => {
    const en = find(
      "The Anhui Pilot Free Trade Zone was inaugurated on September 24, 2020. At present, 3857 new enterprises have been established in the zone. It invested 800 million yuan to build an offshore industry incubation platform in Shanghai.",
      "2021-01-25",
    ).candidates.map(brief);
    expect(en).toContain("anhui-ftz new_enterprises 2020-09-24/2021-01-25 cumulative 3857 exact -");
    expect(en).toContain("anhui-ftz offshore_incubation_platform_investment 2021-01-25 point 800000000 exact -");
    const zh = find(
      "芜湖片区挂牌一年来成效显著。截至目前，该片区累计签约入驻182个项目，协议引资1843.79亿元。",
      "2021-10-22",
    ).candidates.map(brief);
    expect(zh).toEqual([
      "anhui-ftz-wuhu signed_projects_count 2020-09-24/2021-10-22 cumulative 182 exact -",
      "anhui-ftz-wuhu signed_projects_investment 2020-09-24/2021-10-22 cumulative 184379000000 exact -",
    ]);
  });

  it("attaches shares of the province to the figure before them, with its period", () => {
    const found = find(
      "2019年广东自贸试验区实际利用外资73.38亿美元，占全省32.86%；外贸进出口11535.35亿元，占全省16.15%。",
      "2020-04-22",
    ).candidates.map(brief);
    expect(found).toEqual([
      "guangdong-ftz actual_use_foreign_capital 2019 period 7338000000 exact -",
      "guangdong-ftz fdi_share_of_province 2019 period 32.86 exact -",
      "guangdong-ftz import_export 2019 period 1153535000000 exact -",
      "guangdong-ftz import_export_share_of_province 2019 period 16.15 exact -",
    ]);
  });

  it("pairs lists: 'Kashgar and Horgos occupy 28.48 and 16.58 square kilometers respectively'", () => {
    const found = find("Kashgar and Horgos occupy 28.48 and 16.58 square kilometers respectively.", "2023-11-02").candidates.map(brief);
    expect(found).toEqual([
      "xinjiang-ftz-kashgar area_size 2023-11-01 point 28.48 exact -",
      "xinjiang-ftz-horgos area_size 2023-11-01 point 16.58 exact -",
    ]);
  });

  it("lists what it could not place, with the reason, and never a year or a multiple as a figure", () => {
    const { candidates, unplaced } = find(
      "广东自贸试验区集聚了广东省1/6的进出口，开通250条国际航线。实际利用外资增长1.7倍。",
      "2020-04-22",
    );
    expect(candidates).toEqual([]);
    expect(unplaced.map((u) => u.text)).toEqual(["1/6", "250条", "1.7"]);
    expect(unplaced[0]!.reason).toMatch(/fraction/);
    expect(unplaced[2]!.reason).toBe("not a figure: a multiple");
  });

  it("quotes the shortest span holding the figure, with its offsets, and turns a candidate into a package row", () => {
    const text = "At present, 3857 new enterprises have been established in the Anhui Pilot Free Trade Zone.";
    const [c] = find(text, "2021-01-25").candidates;
    expect(text.slice(c!.figure.start, c!.figure.end)).toBe("3857");
    expect(c!.quote).toBe("3857 new enterprises");
    expect(c!.confidence).toBeGreaterThan(0.5);
    const csv = observationsCsv([candidateRow(c!, { title: "CNS, Hefei", url: null, publishedOn: "2021-01-25" })]);
    expect(csv).toBe(
      "zone,indicator,period,basis,value,unit,qualifier,yoy_pct,source_title,source_url,published_on,quote\n" +
        'anhui-ftz,new_enterprises,2020-09-24/2021-01-25,cumulative,3857,count,exact,,"CNS, Hefei",,2021-01-25,3857 new enterprises\n',
    );
  });
});

// Rules of the third round of issue 17, each on sentences written for the test (not taken from the corpus).
describe("as of, zones, names and periods (issue 17, accuracy)", () => {
  const findFrom = (text: string, publishedOn: string, title = "", publishedPrecision?: "day" | "month" | "year") =>
    extractFigures(text, { title, publishedOn, ...(publishedPrecision ? { publishedPrecision } : {}) }, catalog);

  it.each([
    // a text that reports a statement (said, according to, 表示, 介绍) dates its totals the day before publication
    [
      "Li Ming, head of the Hefei Area, said the area has attracted a total of 3,000 new enterprises since its launch.",
      "2021-06-10",
      "",
      undefined,
      "anhui-ftz-hefei new_enterprises 2020-09-24/2021-06-09 cumulative 3000 exact -",
    ],
    [
      "合肥片区管委会负责人表示，挂牌以来片区累计新增企业5000家。",
      "2021-09-15",
      "",
      undefined,
      "anhui-ftz-hefei new_enterprises 2020-09-24/2021-09-14 cumulative 5000 exact -",
    ],
    // … but not when the page gives only its month: the last day of that month stands
    [
      "合肥片区管委会负责人表示，挂牌以来片区累计新增企业5000家。",
      "2021-09-30",
      "",
      "month" as const,
      "anhui-ftz-hefei new_enterprises 2020-09-24/2021-09-30 cumulative 5000 exact -",
    ],
    // a page dated only by its year, titled with the zone's anniversary: as of the anniversary
    [
      "合肥片区挂牌以来累计新增企业9000家。",
      "2023-12-31",
      "合肥片区挂牌三周年成绩单",
      "year" as const,
      "anhui-ftz-hefei new_enterprises 2020-09-24/2023-09-24 cumulative 9000 exact -",
    ],
    // "since September 2013": a total since the launch
    [
      "The Shanghai FTZ has seen 60,000 new enterprises registered since September 2013.",
      "2019-06-10",
      "",
      undefined,
      "shanghai-ftz new_enterprises 2013-09-29/2019-06-10 cumulative 60000 exact -",
    ],
    // 海南 (the province) is the Hainan Free Trade Port, as the names package says
    [
      "今年前三季度，海南货物贸易进口1000亿元。",
      "2024-10-20",
      "",
      undefined,
      "hainan-ftz import_value 2024-01/2024-09 ytd 100000000000 exact -",
    ],
    // 上海华谊 in a list of firms is no Shanghai; 市外资金 does not take the name after the clause break
    [
      "2020年，芜湖片区引进奇瑞、上海华谊、埃夫特等一批重大项目，实际到位市外资金300亿元；实际利用外资3亿美元。",
      "2021-02-10",
      "",
      undefined,
      "anhui-ftz-wuhu actual_use_foreign_capital 2020 period 300000000 exact -",
    ],
    // a name a number before it counts (50项制度创新成果) leaves the later number to the name after it
    [
      "芜湖片区已形成50项制度创新成果，精选12项向省里推荐，并在全省复制推广。",
      "2021-10-22",
      "",
      undefined,
      "anhui-ftz-wuhu institutional_innovations_replicated_in_province 2020-09-24/2021-10-22 cumulative 12 exact -",
    ],
    // shares paired with a list of names before 占全省比重; the year of a starting value (由2019年的) is not the period
    [
      "2020年，舟山外贸进出口总额1600亿元。进出口总额和出口额占全省比重分别由2019年的4.4%和2.1%提高到4.9%和2.3%。",
      "2021-02-04",
      "",
      undefined,
      "zhoushan import_export_share_of_province 2020 period 4.9 exact -",
    ],
    // "the port" of a text about an FTZ: the one port the catalog has in the FTZ's province
    [
      "The Guangxi pilot FTZ is at the forefront of cooperation. In the first seven months of this year, the port's cargo throughput hit 50 million tonnes.",
      "2023-09-18",
      "",
      undefined,
      "qinzhou-port port_cargo_throughput 2023-01/2023-07 ytd 50000000 exact -",
    ],
    // 2019年新设的: the year a zone was set up is not the figure's period (here the 截至 of the sentence before)
    [
      "截至2020年9月底，各自贸试验区的试点任务已基本实施。2019年新设的6个自贸试验区试点任务实施率已超过80%。",
      "2020-12-14",
      "",
      undefined,
      "ftzs-2019 pilot_tasks_completion_rate 2019-08-20/2020-09-30 cumulative 80 at_least -",
    ],
    // a growth rate published without its level (none given, or a threshold) is the indicator's own growth rate
    [
      "前三季度，合肥片区外贸进出口同比下降5%。",
      "2021-10-20",
      "",
      undefined,
      "anhui-ftz-hefei import_export_growth 2021-01/2021-09 ytd -5 exact -",
    ],
    [
      "前三季度，合肥片区进出口额首次突破500亿元，同比增长20%。",
      "2021-10-20",
      "",
      undefined,
      "anhui-ftz-hefei import_export_growth 2021-01/2021-09 ytd 20 exact -",
    ],
    [
      "In the first half of this year, foreign trade of the Hefei Area grew 12 percent.",
      "2021-08-02",
      "",
      undefined,
      "anhui-ftz-hefei import_export_growth 2021-H1 period 12 exact -",
    ],
    // "X increased by P percent to V while Y …": V is X's (the rate between is its own), not Y's after "while"
    [
      "In the first four months, exports of the Hefei Area increased by 16.8 percent to 13.22 billion yuan while imports increased by 9.6 percent to 21.32 billion yuan.",
      "2021-05-20",
      "",
      undefined,
      "anhui-ftz-hefei export_value 2021-01/2021-04 ytd 13220000000 exact 16.8",
    ],
    // a zone with no launch date and no period in the text: the period its title names
    [
      "Wuhu Port handled 20 million tons of cargo throughput.",
      "2021-05-20",
      "Wuhu Port handles 20 million tons in the first four months of 2021",
      undefined,
      "wuhu-port port_cargo_throughput 2021-01/2021-04 ytd 20000000 exact -",
    ],
  ])("%s (%s, %s, %s)", (text, publishedOn, title, precision, expected) => {
    expect(findFrom(text, publishedOn, title, precision).candidates.map(brief)).toContain(expected);
  });

  it("keeps the publication date for a total no one is reported to have given", () => {
    expect(findFrom("截至目前，合肥片区累计新增企业5000家。", "2021-09-15").candidates.map(brief)).toContain(
      "anhui-ftz-hefei new_enterprises 2020-09-24/2021-09-15 cumulative 5000 exact -",
    );
  });

  it.each([
    // thresholds crossed are not figures
    ["前三季度，合肥片区进出口额首次突破500亿元，同比增长20%。", "2021-10-20", "500亿元", /threshold/],
    ["In 2020 the cargo throughput of Wuhu Port topped the 100 million tons mark.", "2021-01-20", "100 million tons", /threshold/],
    // firms on the customs register; firms that another figure is about
    [
      "In the first half of this year, 3,000 new enterprises in the Hefei Area registered with the customs.",
      "2021-07-20",
      "3,000",
      /customs/,
    ],
    [
      "Altogether 9,000 registered enterprises in the Hefei Area had a total foreign trade volume of 50 billion yuan.",
      "2021-07-20",
      "9,000",
      /another figure/,
    ],
    // a share of firms after the share of a figure is not that figure's share
    ["重庆自贸试验区吸引了全市超35%的外商直接投资，集聚全市超25%的进出口企业。", "2022-04-09", "25%", /percentage/],
    // funds from outside the province do not take the name of the figure after them (实际利用外资3亿美元)
    ["2020年，芜湖片区实际到位省外资金300亿元，实际利用外资3亿美元。", "2021-02-10", "300亿元", /no indicator/],
    // 其中，外商直接投资: the part of the foreign capital before it, which no indicator measures
    ["一季度，合肥片区实际利用外资20亿美元。其中，外商直接投资12亿美元。", "2021-04-20", "12亿美元", /no indicator/],
    // the share of exports (no indicator) is not the share of imports and exports
    ["2020年，舟山进出口总额和出口额占全省比重分别为4.9%和2.3%。", "2021-02-04", "2.3%", /percentage/],
    // the growth of a part (其中高技术产业) is no growth of the whole
    ["今年上半年，合肥片区实际使用外资稳步增长，其中高技术产业实际使用外资同比增长21.2%。", "2021-08-02", "21.2%", /no figure/],
    // "respectively" with a place that is no zone of the catalog
    [
      "In 2020, Wuhu Port and Tongling ports handled 100 million tons and 50 million tons of cargo throughput respectively.",
      "2021-01-20",
      "50 million tons",
      /no zone of the catalog/,
    ],
  ])("leaves unplaced: %s", (text, publishedOn, shown, reason) => {
    const { candidates, unplaced } = findFrom(text, publishedOn);
    expect(candidates.map((c) => text.slice(c.figure.start, c.figure.end))).not.toContain(shown);
    const seen = unplaced.filter((u) => shown.includes(u.text) || u.text.includes(shown));
    expect(seen.map((u) => u.reason).join("; ")).toMatch(reason);
  });
});

describe("places, parts and rates the catalog does not hold (issue 17, round 2)", () => {
  const findOn = (text: string, publishedOn: string) => extractFigures(text, { title: "", publishedOn }, catalog);

  it.each([
    // a city the catalog does not hold, named as the subject of the figure, takes it from the zone named before
    ["2020年，四川自贸试验区新设企业3万家。成都市全年新设企业20万家。", "2021-01-28", "20万家"],
    ["2023年，深圳前海蛇口片区实际使用外资50亿美元，深圳全市实际使用外资100亿美元。", "2024-02-06", "100亿美元"],
    [
      "In 2020, the Hefei Area's imports and exports reached 50 billion yuan. Baoji's exports rose 9 percent to 20 billion yuan.",
      "2021-02-01",
      "20 billion yuan",
    ],
    [
      "The Guangxi pilot FTZ drew 300 foreign-funded enterprises last year. Nanning, the regional capital, saw its foreign trade reach 100 billion yuan last year.",
      "2021-03-02",
      "100 billion yuan",
    ],
  ])("leaves a city's figure unplaced: %s", (text, publishedOn, shown) => {
    const { candidates, unplaced } = findOn(text, publishedOn);
    expect(candidates.map((c) => text.slice(c.figure.start, c.figure.end))).not.toContain(shown);
    expect(
      unplaced
        .filter((u) => shown.includes(u.text) || u.text.includes(shown))
        .map((u) => u.reason)
        .join("; "),
    ).toMatch(/a place no zone of the catalog is/);
  });

  it("keeps 全市 of a city the catalog holds, shares of the city, and a possessive that names no place (Xinhua's report)", () => {
    expect(findOn("2020年，舟山全年全市集装箱吞吐量166.8万TEU，增长22.2%。", "2021-02-04").candidates.map(brief)).toContain(
      "zhoushan-port port_container_throughput 2020 period 1668000 exact 22.2",
    );
    expect(findOn("2023年，深圳前海蛇口片区实际使用外资50亿美元，占深圳全市的52.1%。", "2024-02-06").candidates.map(brief)).toContain(
      "guangdong-ftz-qianhai-shekou fdi_share_of_city 2023 period 52.1 exact -",
    );
    // a possessive that names no place, and "the area's" after it: the zone's own figure
    expect(
      findOn(
        "The Hefei Area drew 300 new enterprises in 2020. Xinhua's report said the area's imports and exports reached 50 billion yuan in 2020.",
        "2021-02-01",
      ).candidates.map(brief),
    ).toContain("anhui-ftz-hefei import_export 2020 period 50000000000 exact -");
  });

  it("leaves the trade with one partner (对俄) unplaced, as 'trade with Russia'", () => {
    const text = "前三季度，黑龙江自贸试验区进出口总额500亿元，其中对俄进出口300亿元。";
    const { candidates, unplaced } = findOn(text, "2022-10-25");
    expect(candidates.map(brief)).toEqual(["heilongjiang-ftz import_export 2022-01/2022-09 ytd 50000000000 exact -"]);
    expect(unplaced.find((u) => u.text.includes("300"))?.reason).toMatch(/a part of import_export/);
  });

  it("reads 'N percent of the M tasks … implemented' as the implementation rate", () => {
    expect(
      findOn(
        "So far, 90 percent of the 112 reform tasks of the Hunan pilot FTZ's overall plan have been implemented.",
        "2021-09-24",
      ).candidates.map(brief),
    ).toContain("hunan-ftz pilot_tasks_completion_rate 2020-09-24/2021-09-24 cumulative 90 exact -");
  });

  it.each([
    // "the first three quarters of 2022": year to date through September
    [
      "In the first three quarters of 2022, the Hefei Area's imports and exports reached 80 billion yuan.",
      "2022-10-25",
      "anhui-ftz-hefei import_export 2022-01/2022-09 ytd 80000000000 exact -",
    ],
    // "the Wuhu Area of the China (Anhui) FTZ": the area, in its clause and in the next one ("and its …")
    [
      "The Wuhu Area of the China (Anhui) Pilot Free Trade Zone registered 2,000 new enterprises in 2021.",
      "2022-01-20",
      "anhui-ftz-wuhu new_enterprises 2021 period 2000 exact -",
    ],
    [
      "In 2021, the Wuhu Area of the China (Anhui) Pilot Free Trade Zone registered 2,000 new enterprises, and its imports and exports reached 30 billion yuan.",
      "2022-01-20",
      "anhui-ftz-wuhu import_export 2021 period 30000000000 exact -",
    ],
    // a count inside a zone's alias stands for any count ("China's 12 pilot free trade zones")
    [
      "In 2020, China's 18 pilot free trade zones posted imports and exports of 4.7 trillion yuan.",
      "2021-02-01",
      "all-china-ftzs import_export 2020 period 4700000000000 exact -",
    ],
  ])("reads %s", (text, publishedOn, expected) => {
    expect(findOn(text, publishedOn).candidates.map(brief)).toContain(expected);
  });

  it("gives no zone a rate told of two zones together", () => {
    const text = "截至6月底，安徽自贸试验区和浙江自贸试验区宁波片区试点任务实施率已超过80%。";
    const { candidates, unplaced } = findOn(text, "2021-07-20");
    expect(candidates).toEqual([]);
    expect(unplaced.map((u) => u.text)).toContain("80%");
  });
});
