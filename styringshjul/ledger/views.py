from django.http import HttpRequest, HttpResponse


def functions(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError
