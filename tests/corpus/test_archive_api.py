"""The archive's public API: what ``corpus`` exports exists, is documented and typed."""

from __future__ import annotations

import inspect

import corpus


def test_every_exported_name_exists_and_is_documented():
    for name in corpus.__all__:
        member = getattr(corpus, name)
        assert inspect.getdoc(member), f"corpus.{name} has no docstring"


def test_exported_functions_are_fully_annotated():
    for name in corpus.__all__:
        member = getattr(corpus, name)
        if inspect.isfunction(member):
            signature = inspect.signature(member)
            assert signature.return_annotation is not inspect.Signature.empty, name
            for parameter in signature.parameters.values():
                assert parameter.annotation is not inspect.Parameter.empty, (name, parameter)
