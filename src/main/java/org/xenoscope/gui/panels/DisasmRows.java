package org.xenoscope.gui.panels;

import javax.swing.table.AbstractTableModel;
import org.xenoscope.debug.Breakpoint;

/**
 * The disassembly table: a gutter ("●" breakpoint, "▶" current instruction), address, label, bytes and
 * instruction text.
 */
final class DisasmRows extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"", "Address", "Label", "Bytes", "Instruction"};
    static final String BREAK = "●";
    static final String HERE = "▶";

    private DisasmWindow window = new DisasmWindow(java.util.List.of(), java.util.Map.of());
    private int eip;

    void set(DisasmWindow w) {
        window = w;
        fireTableDataChanged();
    }

    DisasmWindow window() {
        return window;
    }

    /** Moves the current-instruction mark to {@code eip} (a repaint, no new rows). */
    void setEip(int eip) {
        this.eip = eip;
        fireTableRowsUpdated(0, Math.max(0, getRowCount() - 1));
    }

    int eip() {
        return eip;
    }

    /** The row of the instruction at {@code addr}, or -1. */
    int rowOf(int addr) {
        for (int i = 0; i < window.lines().size(); i++) {
            if (window.lines().get(i).address() == addr) {
                return i;
            }
        }
        return -1;
    }

    int address(int row) {
        return window.lines().get(row).address();
    }

    /** The breakpoint at row {@code row}'s instruction, or null. */
    Breakpoint breakpointAt(int row) {
        return window.breakpoints().get(address(row));
    }

    /** The text equivalent of a gutter or current-row mark, or null for an unmarked cell. */
    String tip(int row, int col) {
        int a = address(row);
        if (col == 0 && breakpointAt(row) != null) {
            return String.format("breakpoint at %08x (click to remove)", a);
        }
        return a == eip ? String.format("current instruction (EIP %08x)", a) : null;
    }

    @Override
    public int getRowCount() {
        return window.lines().size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
        return COLUMNS[c];
    }

    @Override
    public Object getValueAt(int r, int c) {
        DisasmWindow.Line l = window.lines().get(r);
        return switch (c) {
            case 0 -> (breakpointAt(r) != null ? BREAK : "") + (l.address() == eip ? HERE : "");
            case 1 -> Hex.h8(l.address());
            case 2 -> l.label();
            case 3 -> l.bytes();
            default -> l.text();
        };
    }
}
