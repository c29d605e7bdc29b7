"""Adding the console, wallboard and training pages to the app."""

from fastapi import FastAPI

from hotline.console import callviews, live, pages, wallboard
from hotline.console.web import PageProblem, problem_handler
from hotline.training import views as training
from hotline.web.i18n import compile_catalogues


def install(app: FastAPI) -> None:
    compile_catalogues()  # a fresh clone or an edited .po: the interface languages are ready before the first page
    for module in (pages, callviews, live, wallboard, training):
        app.include_router(module.router)
    app.add_exception_handler(PageProblem, problem_handler)
