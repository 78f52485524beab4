package org.xenoscope.gui.mm;

import java.util.List;
import javax.swing.JTable;
import org.xenoscope.gui.RowsModel;

/**
 * A read-only two-column table (Field, Value) for a details pane; {@link #show} replaces the rows. Screen readers
 * announce the rows, so a selection elsewhere is announced through it.
 */
public final class FieldTable extends JTable {
    /** One row. */
    public record Row(String field, String value) {
    }

    private final Model model = new Model();

    /** An empty table whose accessible name is {@code name}. */
    public FieldTable(String name) {
        setModel(model);
        setName(name);
        getAccessibleContext().setAccessibleName(name);
        setFillsViewportHeight(true);
        getColumnModel().getColumn(0).setPreferredWidth(200);
        getColumnModel().getColumn(1).setPreferredWidth(500);
    }

    /** Shows {@code rows} (EDT). */
    public void show(List<Row> rows) {
        model.set(List.copyOf(rows));
    }

    /** The value in the row named {@code field}, or null (for tests and accessibility checks). */
    public String value(String field) {
        return model.rows().stream().filter(r -> r.field().equals(field)).map(Row::value).findFirst().orElse(null);
    }

    private static final class Model extends RowsModel<Row> {
        Model() {
            super("Field", "Value");
        }

        @Override
        protected Object cell(Row r, int c) {
            return c == 0 ? r.field() : r.value();
        }
    }
}
