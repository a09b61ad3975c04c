// An indicator's base unit for readers ("yuan (CNY)", "元", "家"), with the unit's code as the data format writes it.
import type { Locale } from "@/lib/domain/format";
import { countWordZh } from "@/lib/domain/format";
import { unitCode, unitName } from "@/lib/domain/units";
import type { BaseUnit } from "@/lib/domain/vocabulary";

export function UnitLabel({ unit, indicatorCode, locale }: { unit: BaseUnit; indicatorCode: string; locale: Locale }) {
  const name = unitName(unit, locale, countWordZh(indicatorCode));
  const code = unitCode(unit);
  return (
    <>
      {name} {name !== code ? <code className="muted">{code}</code> : null}
    </>
  );
}
