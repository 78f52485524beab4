package org.xenoscope.gui;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings remembered between runs, in a properties file: {@code ~/.config/xenoscope/settings.properties},
 * or the file named by the system property {@value #PROPERTY} (tests use a temporary file).
 *
 * <pre>
 *  scale=150                   UI scale in percent (100..300)
 *  theme=DARK                  LIGHT | DARK | HIGH_CONTRAST
 *  bounds=10,20,1400,900       main window x,y,width,height
 *  lastFile=/path/guest.asm    the last opened guest
 *  speed=0                     run speed in instructions per second (0 = unlimited)
 * </pre>
 *
 * Every setter writes the file at once; an unreadable or unwritable file is ignored (settings are a comfort, not
 * a reason to fail).
 */
public final class Settings {
    /** System property overriding the settings file. */
    public static final String PROPERTY = "xenoscope.settings";

    private final Path file;
    private final Properties p = new Properties();

    /** Settings read from {@code file} (missing: defaults). */
    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
    }

    /** The settings of this user (or of {@value #PROPERTY}). */
    public static Settings load() {
        return new Settings(defaultFile());
    }

    /** The file used when nothing else is said. */
    public static Path defaultFile() {
        String o = System.getProperty(PROPERTY);
        if (o != null && !o.isBlank()) {
            return Path.of(o);
        }
        return Path.of(System.getProperty("user.home"), ".config", "xenoscope", "settings.properties");
    }

    public Path file() {
        return file;
    }

    public int scale() {
        return UiScale.clamp(integer("scale", UiScale.MIN));
    }

    public void setScale(int percent) {
        put("scale", Integer.toString(UiScale.clamp(percent)));
    }

    public Theme theme() {
        return Theme.parse(p.getProperty("theme", "LIGHT"));
    }

    public void setTheme(Theme t) {
        put("theme", t.name());
    }

    /** The saved window bounds, if any were saved and they make sense. */
    public Optional<Rectangle> bounds() {
        String[] w = p.getProperty("bounds", "").split(",");
        if (w.length != 4) {
            return Optional.empty();
        }
        try {
            Rectangle r = new Rectangle(Integer.parseInt(w[0].trim()), Integer.parseInt(w[1].trim()),
                Integer.parseInt(w[2].trim()), Integer.parseInt(w[3].trim()));
            return r.width >= 200 && r.height >= 150 ? Optional.of(r) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setBounds(Rectangle r) {
        put("bounds", r.x + "," + r.y + "," + r.width + "," + r.height);
    }

    public Optional<Path> lastFile() {
        String f = p.getProperty("lastFile", "");
        return f.isBlank() ? Optional.empty() : Optional.of(Path.of(f));
    }

    public void setLastFile(Path f) {
        put("lastFile", f.toAbsolutePath().toString());
    }

    /** Run speed in instructions per second, 0 = unlimited. */
    public long speed() {
        return Math.max(0, integer("speed", 0));
    }

    public void setSpeed(long ips) {
        put("speed", Long.toString(Math.max(0, ips)));
    }

    private int integer(String key, int dflt) {
        try {
            return Integer.parseInt(p.getProperty(key, Integer.toString(dflt)).trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private void put(String key, String value) {
        p.setProperty(key, value);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Xenoscope settings");
            }
        } catch (IOException e) {
            // SIMPLIFICATION: an unwritable settings file is silently ignored (the settings live on in memory).
        }
    }
}
