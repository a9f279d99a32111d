// Managers' dashboard: draws the charts of the tables with Apache ECharts from the JSON the page names in
// data-source (the same figures as the tables below each chart). No inline script: the CSP allows only this file.
(function () {
  'use strict';

  function numeric(value) {
    return typeof value === 'number' ? value : null;
  }

  function option(table) {
    var labels = table.rows.map(function (row) { return String(row[0]); });
    var series = table.series.map(function (index) {
      return {
        name: table.columns[index],
        type: table.chart === 'line' ? 'line' : 'bar',
        data: table.rows.map(function (row) { return numeric(row[index]); })
      };
    });
    return {
      animation: false,
      // tooltips drawn on the canvas: no HTML with inline styles, which the CSP refuses
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    };
  }

  function draw(tables) {
    tables.forEach(function (table) {
      var element = document.querySelector('.chart[data-table="' + table.id + '"]');
      if (!element || !table.chart || table.rows.length === 0) {
        return;
      }
      var chart = window.echarts.init(element, null, { renderer: 'canvas', locale: 'EN' });
      chart.setOption(option(table));
      element.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-action="print"]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    var source = document.body.getAttribute('data-source');
    if (!source || !window.echarts) {
      return;
    }
    fetch(source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(draw)
      .catch(function () {
        document.querySelectorAll('.chart').forEach(function (element) {
          element.textContent = 'Grafik yüklenemedi; bilgiler aşağıdaki tabloda.';
        });
      });
  });
}());
