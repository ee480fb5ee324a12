from django.urls import path

from styringshjul.followup import unit_views, views, voucher_views

urlpatterns = [
    path("<kommunenr:number>/oppfolging/", views.overview, name="followup"),
    path("<kommunenr:number>/oppfolging/linjer/", views.lines, name="followup_lines"),
    path("<kommunenr:number>/oppfolging/bilag/", voucher_views.vouchers,
         name="followup_vouchers"),
    path("<kommunenr:number>/oppfolging/tertial/", views.tertial_summary,
         name="followup_tertials"),
    path("<kommunenr:number>/oppfolging/prognoser/", unit_views.forecasts, name="forecasts"),
    path("<kommunenr:number>/oppfolging/enhet/<int:pk>/", unit_views.unit, name="followup_unit"),
    path("<kommunenr:number>/oppfolging/enhet/<int:pk>/prognose/", unit_views.forecast_edit,
         name="forecast_edit"),
]
