// A figure's value as a reader needs it: the qualifier (≥, 约), the magnitude in the reader's language,
// and a marker when the figure is disputed or unverified.
import type { Status } from "@/lib/domain/figures";
import { countWordZh, formatQualifiedValue, type Locale, type Qualifier } from "@/lib/domain/format";
import type { BaseUnit } from "@/lib/domain/units";
import type { Messages } from "@/lib/i18n/messages";

type Props = {
  value: number;
  unit: BaseUnit;
  qualifier: Qualifier;
  status: Status;
  indicatorCode: string;
  locale: Locale;
  t: Messages;
};

export function FigureValue({ value, unit, qualifier, status, indicatorCode, locale, t }: Props) {
  const text = formatQualifiedValue(value, unit, qualifier, locale, countWordZh(indicatorCode));
  const note = t.qualifierNote[qualifier];
  return (
    <span className={`figure figure--${qualifier}`}>
      <span className="figure__value" title={note || undefined}>
        {text}
      </span>
      {status !== "ok" ? <span className={`badge badge--${status}`}>{t.status[status]}</span> : null}
    </span>
  );
}
