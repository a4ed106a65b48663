import { usePatrolText } from './messages.ts';
import { analysisText } from '../i18n/analysis-text.ts';
import type { BacktestAnswer, BacktestMethod, ForecastAnswer } from './types.ts';

const METHOD_ORDER: BacktestMethod[] = ['forecast', 'last_12_months', 'last_3_months', 'kde', 'random'];

/**
 * The forecast of the next weeks beside the Gi* map, with its backtest so a planner sees how far to trust it: PAI of
 * the forecast and of each baseline at 1, 3 and 5 % of the area, and the paired verdict against the last 12 months'
 * counts stated as it is (where the forecast is not clearly better, the panel says so).
 */
export function ForecastPanel({ forecast, backtest, loadingBacktest, shown, onShow }: {
  forecast: ForecastAnswer | undefined;
  backtest: BacktestAnswer | undefined;
  loadingBacktest: boolean;
  shown: boolean;
  onShow: (shown: boolean) => void;
}) {
  const { p, language } = usePatrolText();
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const number = (value: number, digits = 1) => value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const percent = (share: number) => share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = (iso: string) => iso.split('-').reverse().join('/');
  return (
    <section className="forecast" data-testid="forecast-panel">
      <h3>{p('forecastTitle')}</h3>
      {forecast && (
        <>
          {forecast.message && <p className="note" role="status">{analysisText(forecast.message, language)}</p>}
          <p>{day(forecast.forecast.from)} – {day(forecast.forecast.until)} · {p('expectedTotal')}: <strong>{number(forecast.forecast.expectedTotal, 0)}</strong></p>
          <p className="muted">{analysisText(forecast.forecast.method.description, language)}</p>
          <label className="inline"><input type="checkbox" checked={shown} onChange={(event) => onShow(event.target.checked)} data-testid="forecast-layer" />{p('forecastLayer')}</label>
        </>
      )}
      <h4>{p('backtestTitle')}</h4>
      {loadingBacktest && <p className="muted" role="status">{p('backtestLoading')}</p>}
      {backtest?.message && <p className="note" role="status">{analysisText(backtest.message, language)}</p>}
      {backtest && !backtest.message && (
        <>
          <p className="muted">{backtest.backtest.cutoffs.length} {p('cutoffs')} ({day(backtest.backtest.cutoffs[0])} – {day(backtest.backtest.cutoffs.at(-1)!)})</p>
          <ul className="verdicts" data-testid="backtest-verdicts">
            {backtest.backtest.comparison.map((c) => (
              <li key={c.level} className={`verdict-${c.verdict}`}>
                {p('versus12')} <strong>{p(c.verdict)}</strong> {p('atArea')} {percent(c.level)} {p('ofArea')} (PAI {number(c.forecastPai)} / {number(c.baselinePai)})
              </li>
            ))}
          </ul>
          <div className="table-scroll">
            <table className="backtest" data-testid="backtest-table">
              <thead><tr><th>{p('methodCol')}</th><th>{p('areaCol')}</th><th>{p('hitCol')}</th><th>{p('paiCol')}</th></tr></thead>
              <tbody>
                {METHOD_ORDER.flatMap((method) => backtest.backtest.rows.filter((row) => row.method === method).map((row) => (
                  <tr key={`${method}-${row.level}`}>
                    <td>{p(`m_${method}`)}</td><td>{percent(row.level)}</td><td>{percent(row.hitRate)}</td>
                    <td>{number(row.pai)} [{number(row.ci.pai[0])}–{number(row.ci.pai[1])}]</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
