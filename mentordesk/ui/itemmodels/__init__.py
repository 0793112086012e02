"""Qt item models: one QAbstractTableModel per list, over plain dataclass rows from the services."""
