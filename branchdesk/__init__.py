"""BranchDesk (网点服务台): the courier branch's knowledge on the office PC."""

__version__ = "0.1.0"
