package extract

import "errors"

func errorsIsNoContent(err error) bool { return errors.Is(err, ErrNoContent) }
