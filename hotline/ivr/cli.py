"""`hotline flows check|graph`: validate and draw the menus in ivr_flows/."""

from pathlib import Path


def register(subparsers) -> None:
    flows = subparsers.add_parser("flows", help="the IVR menus")
    commands = flows.add_subparsers(dest="flows_command", required=True, parser_class=type(flows))
    check = commands.add_parser("check", help="validate the flows; non-zero exit naming file, node and fault")
    check.add_argument("path", nargs="?", type=Path, help="flow directory (default: settings.flows_dir)")
    check.set_defaults(func=_check)
    graph = commands.add_parser("graph", help="draw each flow as a Mermaid flowchart")
    graph.add_argument("path", nargs="?", type=Path, help="flow directory (default: settings.flows_dir)")
    graph.add_argument("--line", choices=["123", "1480"], help="only this line")
    graph.add_argument("--output", type=Path, help="write to this file (.md wraps it in a mermaid fence)")
    graph.set_defaults(func=_graph)


def _check(args) -> int:
    from hotline.ivr.check import run

    return run(args)


def _graph(args) -> int:
    from hotline.ivr.graph import run

    return run(args)
