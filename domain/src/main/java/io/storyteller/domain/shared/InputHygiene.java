package io.storyteller.domain.shared;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Guards every command and query before it is handled, before any aggregate is loaded or any read
 * model asked: each text in the message, however deeply nested in records, lists and maps, must be
 * well-formed ({@link TextRules#textProblem}), and each component named {@code id} or
 * {@code …Id} must have the shape of an id when it is given (a blank one is left to the handler,
 * which knows whether it is required). A message that breaks a rule is rejected as
 * {@link DomainRejection#invalid invalid}, naming the component's path (e.g.
 * {@code content.triggerKeys[1]}), so nothing a client sends can reach a store that would choke on
 * it. The aggregates' own rules ({@link Require}) still decide lengths, presence and meaning.
 */
public final class InputHygiene implements MessageHandlerInterceptor<Message<?>> {

    /** Deeper than any message of the platform; a payload nested further is not walked on. */
    private static final int MAX_DEPTH = 8;

    /** Each record type's components, their accessors made readable once: every message passes here. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                try {
                    component.getAccessor().setAccessible(true);
                } catch (RuntimeException e) {
                    // left as it is: reading it fails and the component is skipped
                }
            }
            return components;
        }
    };

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        check(unitOfWork.getMessage().getPayload());
        return chain.proceed();
    }

    /** Rejects {@code payload} when one of its texts or ids breaks {@link TextRules}. */
    public static void check(Object payload) {
        if (payload instanceof Record record) {
            walkRecord("", record, 0);
        }
    }

    private static void walk(String path, Object value, boolean isId, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case String text -> checkText(path, text, isId);
            case Record record -> walkRecord(path + ".", record, depth);
            case Collection<?> values -> {
                int i = 0;
                for (Object element : values) {
                    walk(path + "[" + i++ + "]", element, isId, depth + 1);
                }
            }
            case Map<?, ?> entries -> entries.forEach((key, element) -> {
                walk(path + "{key}", key, false, depth + 1);
                walk(path + "[" + key + "]", element, false, depth + 1);
            });
            default -> {
            }
        }
    }

    private static void walkRecord(String prefix, Record record, int depth) {
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // an accessor that cannot be read carries nothing a client sent
            }
            String name = component.getName();
            walk(prefix + name, value, name.equals("id") || name.endsWith("Id") || name.endsWith("Ids"), depth + 1);
        }
    }

    private static void checkText(String path, String text, boolean isId) {
        String field = path.startsWith(".") ? path.substring(1) : path;
        if (isId) {
            if (!text.isBlank()) {
                TextRules.checkedId(field, text);
            }
        } else {
            TextRules.checkedText(field, text);
        }
    }
}
