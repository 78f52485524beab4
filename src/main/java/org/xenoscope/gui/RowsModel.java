package org.xenoscope.gui;

import java.util.List;
import javax.swing.table.AbstractTableModel;

/**
 * A read-only table model over an immutable list of rows under fixed column names; {@link #set} replaces the
 * rows (EDT) and a subclass says what each cell shows.
 *
 * @param <R> one row
 */
public abstract class RowsModel<R> extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    private final String[] columns;
    private List<R> rows = List.of();

    protected RowsModel(String... columns) {
        this.columns = columns.clone();
    }

    /** The cell of {@code row} in column {@code col}. */
    protected abstract Object cell(R row, int col);

    /** Replaces the rows and tells the table (EDT). */
    public void set(List<R> r) {
        rows = r;
        fireTableDataChanged();
    }

    /** The rows shown now. */
    public List<R> rows() {
        return rows;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int c) {
        return columns[c];
    }

    @Override
    public Object getValueAt(int row, int col) {
        return cell(rows.get(row), col);
    }
}
