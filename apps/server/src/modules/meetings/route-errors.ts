import { ErrorResponse } from '@qizhi/domain';

/** The error answers any route of the meeting family may give (409: a rule of the record refused it). */
export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
