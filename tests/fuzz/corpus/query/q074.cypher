MATCH (n)
  -- comment
  /* block */ RETURN n.name // trailing