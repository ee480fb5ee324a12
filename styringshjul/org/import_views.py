from django.http import HttpRequest, HttpResponse


def organisation_import(request: HttpRequest, number: str) -> HttpResponse:
    raise NotImplementedError
