/* placeholder: being written */
typedef int olk_placeholder_factory;
