"""Manager reports: the call log, KPIs, charts, exports, the monthly model-implementation report, staffing."""
