#!/usr/bin/env python
from styringshjul.cli import main

if __name__ == "__main__":
    main()
