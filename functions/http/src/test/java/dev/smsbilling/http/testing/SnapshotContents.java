package dev.smsbilling.http.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * What a SnapStart snapshot of an object would freeze that must be unique per instance: every
 * random generator of the JDK (java.util.Random and its subclasses, SecureRandom included,
 * SplittableRandom, the java.util.random algorithms) and every UUID reachable from it. A restored
 * instance would draw the same "random" numbers as every other instance restored from the same
 * snapshot, or reuse the same id.
 *
 * <p>Walks instance and static fields of every reachable object outside the JDK by reflection
 * (the classpath is one unnamed module, so SDK and Jackson internals are readable), and the
 * contents of JDK collections, maps, arrays, Optionals and atomic references through their
 * public API. It does not open other JDK objects, which the module system keeps closed; a JDK
 * object is judged by its type only.
 */
public final class SnapshotContents {
    private static final int MAX_OBJECTS = 500_000;

    private SnapshotContents() {
    }

    /** The unique values reachable from {@code root}, each as "path: type", in the order found. */
    public static List<String> uniqueValuesReachableFrom(Object root) {
        List<String> found = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Map<Class<?>, Boolean> staticsSeen = new IdentityHashMap<>();
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(new Node(root, root.getClass().getSimpleName()));
        while (!queue.isEmpty() && seen.size() < MAX_OBJECTS) {
            Node node = queue.poll();
            Object value = node.value;
            if (value == null || value instanceof Class || value instanceof ClassLoader || value instanceof Thread
                    || seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (isUnique(value)) {
                found.add(node.path + ": " + value.getClass().getName());
                continue;
            }
            children(node, queue, staticsSeen);
        }
        if (seen.size() >= MAX_OBJECTS) {
            throw new IllegalStateException("more than " + MAX_OBJECTS + " objects reachable from " + root.getClass().getName());
        }
        return found;
    }

    private static boolean isUnique(Object value) {
        if (value instanceof Random || value instanceof SplittableRandom || value instanceof UUID) {
            return true;
        }
        return value instanceof RandomGenerator && isJdk(value.getClass());
    }

    private static void children(Node node, Deque<Node> queue, Map<Class<?>, Boolean> staticsSeen) {
        Object value = node.value;
        Class<?> type = value.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    queue.add(new Node(Array.get(value, i), node.path + "[" + i + "]"));
                }
            }
            return;
        }
        if (isJdk(type)) {
            jdkContents(node, queue);
            return;
        }
        for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
            boolean firstVisit = staticsSeen.put(c, Boolean.TRUE) == null;
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (field.getType().isPrimitive() || (isStatic && !firstVisit)) {
                    continue;
                }
                Object child = read(field, isStatic ? null : value);
                String path = isStatic ? c.getSimpleName() + "." + field.getName() : node.path + "." + field.getName();
                queue.add(new Node(child, path));
            }
        }
    }

    private static void jdkContents(Node node, Deque<Node> queue) {
        Object value = node.value;
        try {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    queue.add(new Node(entry.getKey(), node.path + "{key}"));
                    queue.add(new Node(entry.getValue(), node.path + "{" + entry.getKey() + "}"));
                }
            } else if (value instanceof Collection<?> collection) {
                int i = 0;
                for (Object element : collection) {
                    queue.add(new Node(element, node.path + "[" + i++ + "]"));
                }
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(inner -> queue.add(new Node(inner, node.path + ".get()")));
            } else if (value instanceof AtomicReference<?> reference) {
                queue.add(new Node(reference.get(), node.path + ".get()"));
            }
        } catch (RuntimeException concurrentlyChanged) {
            // A collection another thread changes while it is read: what was read is judged.
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (InaccessibleObjectException | IllegalAccessException e) {
            return null;
        }
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.");
    }

    private record Node(Object value, String path) {
    }
}
