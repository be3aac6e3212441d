"""Operation guides (操作指南): step-by-step tutorials with annotated screenshots."""
