"""planlint's built-in plugins, one package per concern.

Each is registered through the ``planlint`` entry point group in
``pyproject.toml``, exactly as a third-party plugin would be.
"""
