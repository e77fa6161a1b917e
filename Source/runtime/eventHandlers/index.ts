export { eventHandlerFailureIds } from './failures.js';
export { eventHandlersServiceFor } from './EventHandlersService.js';
