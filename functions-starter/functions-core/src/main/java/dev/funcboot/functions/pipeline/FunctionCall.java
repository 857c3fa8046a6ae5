package dev.funcboot.functions.pipeline;

import dev.funcboot.functions.InvocationContext;

/** The work of one attempt: decode the input if not done yet, call the function bean. */
@FunctionalInterface
public interface FunctionCall {

	Object call(InvocationContext context) throws Exception;

}
