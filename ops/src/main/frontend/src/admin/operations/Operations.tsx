import { DeadLetters } from './DeadLetters';
import { OperatorLog } from './OperatorLog';
import { Processors } from './Processors';

/** The operations dashboard: event processors (live), dead letters and the operator log. */
export function Operations() {
  return (
    <>
      <h1>Operations</h1>
      <Processors />
      <DeadLetters />
      <OperatorLog />
    </>
  );
}
