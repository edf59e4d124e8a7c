"""The site built aside, and put in place of the published one only once it is complete and checked.

In:  the site folders of the editions (`site/`, `site/en/`), and a scratch folder (`build/staging/`).
Out: a folder per edition to build into (`staged`); `assemble` puts each edition inside the
     one whose site folder holds it (as `site/en/` is in `site/`); `publish` swaps each assembled
     site in with two renames (the old one moved aside, the new one moved in, the old removed);
     `discard` removes what is staged. A build killed between the two renames leaves the old site
     aside: the next build puts it back first (`recover`).
"""
from __future__ import annotations

import shutil
from pathlib import Path


class Staging:
    """Where each edition is built, and how the editions become the published site."""

    def __init__(self, site_dirs: list[Path], scratch: Path):
        self.site_dirs = [d.resolve() for d in site_dirs]
        self.scratch = scratch
        self.roots = sorted({d for d in self.site_dirs if not any(d != r and d.is_relative_to(r) for r in self.site_dirs)})

    def staged(self, i: int) -> Path:
        """The folder edition `i` (in the order given) is built into."""
        return self.scratch / str(i)

    def root_of(self, site_dir: Path) -> Path:
        return next(r for r in self.roots if site_dir.is_relative_to(r))

    def assembled(self, root: Path) -> Path:
        """The folder a published site is assembled in (the staged folder of the edition at its root)."""
        return self.staged(self.site_dirs.index(root))

    def assemble(self) -> None:
        """Each edition moved into the edition whose site folder holds it."""
        for i, site_dir in enumerate(self.site_dirs):
            root = self.root_of(site_dir)
            if site_dir != root:
                inside = self.assembled(root) / site_dir.relative_to(root)
                shutil.rmtree(inside, ignore_errors=True)
                inside.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(self.staged(i), inside)

    @staticmethod
    def aside(root: Path) -> Path:
        return root.with_name(f".{root.name}.old")

    def recover(self) -> None:
        """A site left aside by a build killed while publishing, put back."""
        for root in self.roots:
            if self.aside(root).exists() and not root.exists():
                self.aside(root).rename(root)

    def publish(self) -> None:
        """Each assembled site in place of the published one."""
        for root in self.roots:
            old = self.aside(root)
            shutil.rmtree(old, ignore_errors=True)
            root.parent.mkdir(parents=True, exist_ok=True)
            if root.exists():
                root.rename(old)
            shutil.move(self.assembled(root), root)        # (a rename: another file system copies)
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
