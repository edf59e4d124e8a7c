"""`python -m generator`: the command line (cli.py).

The process ends without tearing its objects down: Python would otherwise walk the run's whole
tree of objects with the garbage collector and free it object by object, only to exit (a tenth
of a second and more for a large corpus). Output is flushed first; files are closed by then.
"""
import os
import sys

from .cli import main

status = main(exiting=True)
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
