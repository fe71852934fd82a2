"""No module imports, even for type checking only, a module that imports it back (the
first-run wizard and its pages once did): every package reads top-down."""

import grimp


def test_no_import_cycles_between_modules():
    graph = grimp.build_graph("ui", "ipt_desktop")
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.find_shortest_chain(importer=imported, imported=module)
        }
    )
    assert cycles == []
