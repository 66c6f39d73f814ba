package io.zintrust.socket.support;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.EventRequest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JDWP debugger on a test server started {@link PayaraServer#withDebugger()}: it stops the first
 * thread that enters a method and holds it until released, so a test can see what the server says
 * while a piece of its background work stands still, with no hook for it in the product.
 */
public final class Debugger implements AutoCloseable {

    private final VirtualMachine vm;

    private Debugger(VirtualMachine vm) {
        this.vm = vm;
    }

    public static Debugger attach(PayaraServer server) {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach")).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JDK has no JDI socket connector"));
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(Integer.toString(server.debuggerPort()));
        try {
            return new Debugger(socket.attach(arguments));
        } catch (IOException | IllegalConnectorArgumentsException e) {
            throw new IllegalStateException("could not attach to the server's debugger: " + e, e);
        }
    }

    /** A thread stopped at a breakpoint; {@link #release()} lets it go on. */
    public record Held(ThreadReference thread, String where) {
        public void release() {
            thread.resume();
        }
    }

    /**
     * Stops the first thread to enter a method of this name in this class (any overload), within
     * {@code wait}; later calls run freely. The class must already be loaded.
     */
    public Held holdFirstCallOf(String className, String methodName, Duration wait) {
        List<ReferenceType> types = vm.classesByName(className);
        List<BreakpointRequest> requests = new ArrayList<>();
        for (ReferenceType type : types) {
            for (Method method : type.methodsByName(methodName)) {
                BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(method.location());
                request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                request.enable();
                requests.add(request);
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("no method " + methodName + " in a loaded class " + className
                    + " (loaded: " + types + ")");
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                EventSet events = vm.eventQueue().remove(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (events == null) {
                    break;
                }
                for (Event event : events) {
                    if (event instanceof BreakpointEvent hit && requests.contains(hit.request())) {
                        return new Held(hit.thread(), className + "." + methodName); // still suspended
                    }
                }
                events.resume();
            }
            throw new AssertionError("no thread entered " + className + "." + methodName + " within " + wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            vm.eventRequestManager().deleteEventRequests(requests);
        }
    }

    /** Detaches; every thread still held runs on. */
    @Override
    public void close() {
        vm.dispose();
    }
}
