package org.xenoscope.gui.mm;

import java.awt.Color;

/**
 * What a machine-frame cell's colour says: free, Xen's, shared by Xen, another domain's, or — for the current
 * domain — the frame's type. Okabe–Ito colours for the types, greys for the rest.
 */
public enum FrameKind {
    FREE("free", new Color(0xE6E6E6)),
    XEN("Xen", new Color(0x3A3A3A)),
    XEN_SHARED("Xen, shared with a domain", new Color(0x8C8C8C)),
    OTHER_DOMAIN("another domain", new Color(0xBDBDBD)),
    NONE("no type", OkabeIto.SKY_BLUE),
    WRITABLE("writable", OkabeIto.BLUE),
    L1("L1 page table", OkabeIto.YELLOW),
    L2("L2 page table", OkabeIto.ORANGE),
    L3("L3 page table (PDPT)", OkabeIto.VERMILLION),
    GDT("GDT", OkabeIto.REDDISH_PURPLE),
    LDT("LDT", OkabeIto.BLUISH_GREEN);

    private final String label;
    private final Color color;

    FrameKind(String label, Color color) {
        this.label = label;
        this.color = color;
    }

    public String label() {
        return label;
    }

    public Color color() {
        return color;
    }

    /** The kind of a current-domain frame of type {@code typeName} (a FrameType name). */
    static FrameKind ofType(String typeName) {
        return valueOf(typeName);
    }
}
