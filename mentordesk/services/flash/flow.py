"""A thin wrapper over ortools' exact integer min-cost flow, shared by the match planner's steps.

Arcs are collected in plain lists and handed to the C++ solver in one vectorised call (adding
them one by one from Python costs more than solving).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentordesk.services.flash.problem import PlanError

if TYPE_CHECKING:
    import numpy as np


class Arcs:
    """The arcs of one network; ``solve`` returns a max flow of minimum cost."""

    def __init__(self) -> None:
        self.tails: list[int] = []
        self.heads: list[int] = []
        self.caps: list[int] = []
        self.costs: list[int] = []

    def add(self, tail: int, head: int, cap: int, cost: int) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.caps.append(cap)
        self.costs.append(cost)
        return len(self.tails) - 1

    def solve(self, source: int, sink: int, supply: int) -> np.ndarray:
        """Send as much as possible (up to ``supply``) from source to sink at the least cost;
        returns the flow on every arc, in the order the arcs were added."""
        # Imported on first use: numpy and ortools take a tenth of a second to load, which the
        # app's start-up (the Flash page imports the planner) should not pay.
        import numpy as np
        from ortools.graph.python import min_cost_flow

        if not self.tails or supply <= 0:
            return np.zeros(len(self.tails), dtype=np.int64)
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(
            np.asarray(self.tails, dtype=np.int32), np.asarray(self.heads, dtype=np.int32),
            np.asarray(self.caps, dtype=np.int64), np.asarray(self.costs, dtype=np.int64),
        )
        flow.set_node_supply(source, supply)
        flow.set_node_supply(sink, -supply)
        status = flow.solve_max_flow_with_min_cost()
        if status != flow.OPTIMAL:
            raise PlanError(f"the planner's flow solver failed ({status.name}); please report this")
        return np.asarray(flow.flows(np.arange(len(self.tails))), dtype=np.int64)
