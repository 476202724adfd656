package io.chokepoint.testing;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The REST endpoints compiled into a module ({@code target/classes}) and how each is secured. A build check: every
 * endpoint must say explicitly who may call it ({@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll},
 * {@code @Authenticated} or {@code @PermissionsAllowed}, on the method or its class), so that a new endpoint
 * cannot ship open, or closed, by accident.
 */
public final class SecuredEndpoints {

    /** One endpoint: {@code GET /api/v1/alerts/{id}}, the Java method, and the roles it admits (empty: none named). */
    public record Endpoint(String httpMethod, String path, String javaMethod, Optional<String> security,
                           Set<String> roles) {

        public String route() {
            return httpMethod + " " + path;
        }
    }

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
    private static final List<Class<? extends Annotation>> SECURITY = List.of(RolesAllowed.class, PermitAll.class,
            DenyAll.class, Authenticated.class, PermissionsAllowed.class);

    private SecuredEndpoints() {
    }

    /** The endpoints of the classes under {@code classesDir} (a module's {@code target/classes}). */
    public static List<Endpoint> in(java.nio.file.Path classesDir) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes(classesDir)) {
            endpoints.addAll(of(type));
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** The endpoints declared by one resource class (none when it is not one). */
    public static List<Endpoint> of(Class<?> type) {
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            Optional<String> verb = httpMethod(method);
            if (verb.isEmpty() || method.isSynthetic()) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
            Optional<Annotation> security = security(method).or(() -> security(type));
            endpoints.add(new Endpoint(verb.get(), path, type.getSimpleName() + "#" + method.getName(),
                    security.map(annotation -> annotation.annotationType().getSimpleName()),
                    security.map(SecuredEndpoints::roles).orElse(Set.of())));
        }
        return endpoints;
    }

    /** The endpoints that name no security annotation at all. */
    public static List<Endpoint> unsecured(List<Endpoint> endpoints) {
        return endpoints.stream().filter(endpoint -> endpoint.security().isEmpty()).toList();
    }

    private static Optional<String> httpMethod(Method method) {
        return HTTP_METHODS.stream().filter(method::isAnnotationPresent).findFirst()
                .map(annotation -> annotation.getSimpleName());
    }

    private static Optional<Annotation> security(AnnotatedElement element) {
        return SECURITY.stream().<Annotation>map(element::getAnnotation).filter(a -> a != null).findFirst();
    }

    private static Set<String> roles(Annotation annotation) {
        return annotation instanceof RolesAllowed allowed ? new TreeSet<>(Arrays.asList(allowed.value())) : Set.of();
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> classes(java.nio.file.Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("No compiled classes in " + root.toAbsolutePath());
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(name -> load(name, loader))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + name + " to check its endpoints", e);
        }
    }
}
