package dev.apisec.core.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Thread-safe collector of notifications; exact duplicates are kept once. */
public final class Notifications {

    private final Set<Notification> items = new LinkedHashSet<>();

    public synchronized void add(Notification notification) {
        items.add(notification);
    }

    public void error(String file, int line, String message) {
        add(new Notification(Notification.Level.ERROR, file, line, message));
    }

    public void warning(String file, int line, String message) {
        add(new Notification(Notification.Level.WARNING, file, line, message));
    }

    public void note(String file, int line, String message) {
        add(new Notification(Notification.Level.NOTE, file, line, message));
    }

    /** Sorted copy. */
    public synchronized List<Notification> sorted() {
        List<Notification> list = new ArrayList<>(items);
        list.sort(Notification.ORDER);
        return list;
    }
}
