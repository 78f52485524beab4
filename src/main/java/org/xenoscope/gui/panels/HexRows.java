package org.xenoscope.gui.panels;

import javax.swing.table.AbstractTableModel;

/**
 * The memory panel's table: 16 bytes per row as address, 16 hex columns and the ASCII column. Bytes that differ
 * from the last read of the same place are marked as changed; unreadable bytes show "--" and ".".
 */
final class HexRows extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    static final int PER_ROW = 16;

    private long base;
    private int[] data = new int[0];
    private boolean[] changed = new boolean[0];
    private Object place;

    /**
     * Contract: shows {@code bytes} read at {@code base}; {@code where} names the address space and base, so bytes
     * are compared (and marked changed) only against a previous read of the same place.
     */
    void set(Object where, long base, int[] bytes) {
        boolean same = where.equals(place) && bytes.length == data.length;
        changed = new boolean[bytes.length];
        for (int i = 0; same && i < bytes.length; i++) {
            changed[i] = bytes[i] != data[i];
        }
        place = where;
        this.base = base;
        data = bytes.clone();
        fireTableDataChanged();
    }

    /** Byte {@code i} of the shown range (-1 when unreadable). */
    int byteAt(int i) {
        return data[i];
    }

    /** The tooltip of a changed hex cell, or null. */
    String changedTip(int row, int col) {
        int i = row * PER_ROW + col - 1;
        return col >= 1 && col <= PER_ROW && i < changed.length && changed[i]
            ? String.format("byte at %08x changed", base + i) : null;
    }

    /** How many bytes changed at the last {@link #set}. */
    int changedCount() {
        int n = 0;
        for (boolean b : changed) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Override
    public int getRowCount() {
        return data.length / PER_ROW;
    }

    @Override
    public int getColumnCount() {
        return PER_ROW + 2;
    }

    @Override
    public String getColumnName(int c) {
        return c == 0 ? "Address" : c <= PER_ROW ? String.format("%x", c - 1) : "ASCII";
    }

    @Override
    public Object getValueAt(int r, int c) {
        int off = r * PER_ROW;
        if (c == 0) {
            return String.format("%08x", base + off);
        }
        if (c <= PER_ROW) {
            return Hex.h2(data[off + c - 1]);
        }
        StringBuilder sb = new StringBuilder(PER_ROW);
        for (int i = 0; i < PER_ROW; i++) {
            int b = data[off + i];
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return sb.toString();
    }
}
