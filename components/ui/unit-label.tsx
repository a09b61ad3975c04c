// An indicator's base unit for readers ("yuan (CNY)", "元", "家"), with the unit's code as the data format writes it.
import type { Locale } from "@/lib/domain/format";
import { countWordZh } from "@/lib/domain/format";
import { parseBaseUnit, unitName } from "@/lib/domain/units";

export function UnitLabel({ unit, indicatorCode, locale }: { unit: string; indicatorCode: string; locale: Locale }) {
  const base = parseBaseUnit(unit);
  if (!base) return <code>{unit}</code>;
  const name = unitName(base, locale, countWordZh(indicatorCode));
  return (
    <>
      {name} {name !== unit ? <code className="muted">{unit}</code> : null}
    </>
  );
}
