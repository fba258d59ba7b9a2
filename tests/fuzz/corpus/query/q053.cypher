MATCH (n) // comment
 /* block */ RETURN n