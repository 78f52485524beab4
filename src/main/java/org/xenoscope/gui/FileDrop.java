package org.xenoscope.gui;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.swing.TransferHandler;

/** Drag and drop of a file onto the main window: the first .asm, .elf or .xsnap file dropped is opened. */
final class FileDrop extends TransferHandler {
    private final MainWindow window;

    FileDrop(MainWindow window) {
        this.window = window;
    }

    @Override
    public boolean canImport(TransferSupport s) {
        return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    /** Contract: opens the first supported file of the drop; false when there is none (nothing changes). */
    @Override
    public boolean importData(TransferSupport s) {
        if (!canImport(s)) {
            return false;
        }
        return importFiles(s.getTransferable());
    }

    boolean importFiles(Transferable t) {
        try {
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) t.getTransferData(DataFlavor.javaFileListFlavor);
            for (File f : files) {
                if (GuestLoader.supported(f.toPath())) {
                    window.open(f.toPath());
                    return true;
                }
            }
        } catch (UnsupportedFlavorException | IOException e) {
            return false;
        }
        return false;
    }
}
