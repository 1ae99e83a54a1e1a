/** The ECharts pieces the screens use, registered once; loaded by Chart.tsx only when a chart is shown. */
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, RadarChart, GridComponent, RadarComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };
