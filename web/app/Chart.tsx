/**
 * ECharts, imported piece by piece from echarts/core, and only when a chart is first shown: the pieces are a
 * chunk of their own that no page carries until it draws one.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type ECharts = typeof import('echarts/core');
let loading: Promise<ECharts> | null = null;

function loadEcharts(): Promise<ECharts> {
  loading ??= import('./echarts').then((m) => m.echarts);
  loading.catch(() => (loading = null)); // a failed download is tried again by the next chart
  return loading;
}

export function Chart({ option, height = 280, testId }: { option: EChartsCoreOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [echarts, setEcharts] = useState<ECharts | null>(null);
  useEffect(() => {
    let alive = true;
    loadEcharts().then((e) => alive && setEcharts(e));
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => {
    if (!ref.current || !echarts) return;
    const chart = echarts.init(ref.current, undefined, { locale: 'EN' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, echarts]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} data-ready={echarts ? 'true' : undefined} />;
}
